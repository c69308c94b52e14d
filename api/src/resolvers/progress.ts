import { getBlockers } from '../db/queries/blockers.ts';
import { getChange, getForecast, getPace } from '../db/queries/progress.ts';
import { getRanking } from '../db/queries/ranking.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { labelBlockers, labelBreakdown } from '../labels.ts';
import { daysBetween } from '../lib/dates.ts';
import { BadInputError } from '../lib/errors.ts';
import { view } from './coverage-view.ts';
import { requireLevel, requireScope } from './scope.ts';

export const progressResolvers: Resolvers = {
  Query: {
    blockers: async (_root, { scope, asOf }, { db, reach, today }) =>
      labelBlockers(
        await getBlockers(db, {
          scope: await requireScope(db, scope, reach, asOf ?? today),
          asOf: asOf ?? today,
        }),
      ),
    pace: async (_root, { scope, asOf }, { db, reach, today }) =>
      getPace(db, { scope: await requireScope(db, scope, reach, asOf ?? today), asOf: asOf ?? today }),
    forecast: async (_root, { scope, asOf, targetRate, window }, { db, reach, today }) => {
      if (!(targetRate > 0 && targetRate <= 1)) {
        throw new BadInputError(
          `"targetRate" is a share between 0 (excluded) and 1; got ${targetRate}`,
          'targetRate',
          { code: 'GOAL_RATE', args: { rate: targetRate } },
        );
      }
      const days = window ?? 28;
      if (days !== 7 && days !== 28)
        throw new BadInputError(`"window" is 7 or 28 days; got ${days}`, 'window', {
          code: 'ONE_OF',
          args: { value: days, allowed: '7, 28' },
        });
      return getForecast(db, {
        scope: await requireScope(db, scope, reach, asOf ?? today),
        asOf: asOf ?? today,
        targetRate,
        window: days,
      });
    },
    ranking: async (_root, { by, scope, asOf, lowestFirst, first }, { db, reach, today, rootAreaId }) => {
      if (first !== undefined && first !== null && first < 1)
        throw new BadInputError(`"first" must be at least 1; got ${first}`, 'first', {
          code: 'PAGE_SIZE',
          args: { value: first, max: '' },
        });
      const day = asOf ?? today;
      const resolved = await requireScope(db, scope, reach, day);
      await requireLevel(db, resolved, by);
      const goalArea = resolved.areaId ?? (await rootAreaId(resolved.geographyId));
      const rows = await getRanking(db, {
        by,
        scope: resolved,
        asOf: day,
        lowestFirst: lowestFirst ?? false,
        first: first ?? undefined,
      });
      return labelBreakdown(by, rows).map((row) => ({ ...row, coverage: view(row.coverage, day, goalArea) }));
    },
    change: async (_root, { scope: input, from, to }, { db, reach, rootAreaId }) => {
      if (daysBetween(from, to) < 0)
        throw new BadInputError(`"to" (${to}) is before "from" (${from})`, 'to', {
          code: 'TO_BEFORE_FROM',
          args: { from, to },
        });
      const scope = await requireScope(db, input, reach, to);
      const goalArea = scope.areaId ?? (await rootAreaId(scope.geographyId));
      const change = await getChange(db, { scope, from, to });
      return {
        ...change,
        before: view(change.before, from, goalArea),
        after: view(change.after, to, goalArea),
      };
    },
  },
};
