import { GraphQLScalarType, Kind } from 'graphql';
import { parseIsoDate } from '../lib/dates.ts';
import { BadInputError } from '../lib/errors.ts';

/** The days any Date may name. */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2100-12-31';

function parseDate(value: unknown): string {
  const day = realDay(value);
  // Nothing of the rollout happened before 1900 nor is planned past 2100; days outside are typing
  // mistakes (0001-01-01, 20210-…), and a recorded one could never be corrected (the earliest is kept).
  if (day < FIRST_DAY || day > LAST_DAY)
    throw new BadInputError(`"${day}" is outside ${FIRST_DAY} … ${LAST_DAY}`, undefined, {
      code: 'DAY_OUT_OF_RANGE',
      args: { day, first: FIRST_DAY, last: LAST_DAY },
    });
  return day;
}

function realDay(value: unknown): string {
  if (typeof value !== 'string')
    throw new BadInputError(`A Date is a string "yyyy-mm-dd"; got ${JSON.stringify(value)}`, undefined, {
      code: 'NOT_A_DAY',
      args: { value: JSON.stringify(value) },
    });
  const parsed = parseIsoDate(value);
  if (!parsed)
    throw new BadInputError(`"${value}" is not a real day written yyyy-mm-dd`, undefined, {
      code: 'NOT_A_DAY',
      args: { value },
    });
  return parsed;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day "yyyy-mm-dd" (Asia/Ho_Chi_Minh).',
  // What is stored is sent as it is: only what callers write is held to the range.
  serialize: (value) => realDay(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new BadInputError('A Date is a string "yyyy-mm-dd"', undefined, { code: 'NOT_A_DAY', args: {} });
    return parseDate(ast.value);
  },
});
