import { differenceInCalendarDays } from 'date-fns';
import { getBreakdown } from '../db/queries/breakdown.ts';
import { getCoverage } from '../db/queries/coverage.ts';
import { getTrend } from '../db/queries/trend.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { BadInputError } from '../lib/errors.ts';
import { requireScope } from './scope.ts';

/** Ten years of days: more is a mistake, not a question. */
const MAX_TREND_DAYS = 3660;

export const coverageResolvers: Resolvers = {
  Query: {
    coverage: async (_root, { scope, asOf }, { db, today }) =>
      getCoverage(db, { scope: await requireScope(db, scope), asOf: asOf ?? today }),
    breakdown: async (_root, { by, scope, asOf }, { db, today }) =>
      getBreakdown(db, { by, scope: await requireScope(db, scope), asOf: asOf ?? today }),
    trend: async (_root, { scope, from, to }, { db }) => {
      const days = differenceInCalendarDays(to, from) + 1;
      if (days < 1) throw new BadInputError(`"to" (${to}) is before "from" (${from})`, 'to');
      if (days > MAX_TREND_DAYS) {
        throw new BadInputError(
          `A trend covers at most ${MAX_TREND_DAYS} days; ${from} to ${to} is ${days}`,
          'to',
        );
      }
      return getTrend(db, { scope: await requireScope(db, scope), from, to });
    },
  },
};
