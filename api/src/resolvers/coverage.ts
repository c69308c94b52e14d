import { getBreakdown } from '../db/queries/breakdown.ts';
import { getCoverage } from '../db/queries/coverage.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { requireScope } from './scope.ts';
import { checkedTrend } from './trend.ts';

export const coverageResolvers: Resolvers = {
  Query: {
    coverage: async (_root, { scope, asOf }, { db, today }) =>
      getCoverage(db, { scope: await requireScope(db, scope), asOf: asOf ?? today }),
    breakdown: async (_root, { by, scope, asOf }, { db, today }) =>
      getBreakdown(db, { by, scope: await requireScope(db, scope), asOf: asOf ?? today }),
    trend: async (_root, { scope, from, to }, { db }) =>
      checkedTrend(db, await requireScope(db, scope), from, to),
  },
};
