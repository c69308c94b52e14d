import { GraphQLScalarType, Kind } from 'graphql';
import { parseIsoDate } from '../lib/dates.ts';
import { BadInputError } from '../lib/errors.ts';

function parseDate(value: unknown): string {
  if (typeof value !== 'string')
    throw new BadInputError(`A Date is a string "yyyy-mm-dd"; got ${JSON.stringify(value)}`);
  const parsed = parseIsoDate(value);
  if (!parsed) throw new BadInputError(`"${value}" is not a real day written yyyy-mm-dd`);
  return parsed;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day "yyyy-mm-dd" (Asia/Ho_Chi_Minh).',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new BadInputError('A Date is a string "yyyy-mm-dd"');
    return parseDate(ast.value);
  },
});
