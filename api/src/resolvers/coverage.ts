import { authorize } from '../auth/policy.ts';
import { recordEvent } from '../db/queries/accounts.ts';
import { getAreaByCode } from '../db/queries/areas.ts';
import { getBreakdown } from '../db/queries/breakdown.ts';
import { getCoverage, getLastActivity } from '../db/queries/coverage.ts';
import { geographyOn } from '../db/queries/geographies.ts';
import { listGoals, setGoal } from '../db/queries/goals.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { breakdownLabel } from '../labels.ts';
import { daysBetween } from '../lib/dates.ts';
import { BadInputError, ForbiddenError, NotFoundError } from '../lib/errors.ts';
import { view } from './coverage-view.ts';
import { present } from './present.ts';
import { requireLevel, requireScope } from './scope.ts';
import { checkedTrend } from './trend.ts';

export const coverageResolvers: Resolvers = {
  Query: {
    coverage: async (_root, { scope: input, asOf }, { db, reach, today, rootAreaId }) => {
      const day = asOf ?? today;
      const scope = await requireScope(db, input, reach, day);
      return view(
        await getCoverage(db, { scope, asOf: day }),
        day,
        scope.areaId ?? (await rootAreaId(scope.geographyId)),
      );
    },
    breakdown: async (_root, { by, scope: input, asOf }, { db, reach, today, rootAreaId }) => {
      const day = asOf ?? today;
      const scope = await requireScope(db, input, reach, day);
      await requireLevel(db, scope, by);
      const goalArea = scope.areaId ?? (await rootAreaId(scope.geographyId));
      const rows = await getBreakdown(db, { by, scope, asOf: day });
      return rows.map((row) => ({
        key: row.key,
        name: row.name,
        label: breakdownLabel(by, row),
        coverage: view(row.coverage, day, goalArea),
      }));
    },
    goals: (_root, _args, { db, reach }) => listGoals(db, reach),
    lastActivity: async (_root, { scope, asOf }, { db, reach, today }) => {
      const day = asOf ?? today;
      return getLastActivity(db, { scope: await requireScope(db, scope, reach, day), asOf: day });
    },
    trend: async (_root, { scope, from, to }, { db, reach }) =>
      checkedTrend(db, await requireScope(db, scope, reach, to), from, to),
  },
  Mutation: {
    setGoal: async (_root, { areaId, rate, deadline }, { db, reach, viewer, today }) => {
      authorize(viewer, 'goal:set');
      if (!(rate > 0 && rate <= 1)) {
        throw new BadInputError(`"rate" must be above 0 and at most 1 (0.8 for 80 %); got ${rate}`, 'rate', {
          code: 'GOAL_RATE',
          args: { rate },
        });
      }
      // A goal is something still to reach; the operator's `pnpm cli goal set` may restate a past one.
      if (deadline <= today) {
        throw new BadInputError(
          `"deadline" is ${deadline}; a goal's deadline is after today (${today})`,
          'deadline',
          { code: 'GOAL_DEADLINE', args: { deadline, today } },
        );
      }
      const found = await getAreaByCode(db, areaId, reach, (await geographyOn(db, today)).id);
      if (!found) throw new NotFoundError('Area', areaId, 'areaId');
      if (!(await setGoal(db, { areaId: found.area.id, rate, deadline, reach }))) {
        throw new ForbiddenError(
          `Area "${areaId}" is outside what your account may set goals for`,
          'areaId',
          undefined,
          undefined,
          { what: 'area', id: areaId },
        );
      }
      await recordEvent(db, {
        actor: viewer,
        subject: viewer.username,
        action: 'GOAL_SET',
        detail: `${areaId}: ${rate} by ${deadline}`,
      });
      return { areaId: found.area.id, rate, deadline };
    },
  },
  Coverage: {
    goal: async (coverage, _args, { loaders }) => {
      if (coverage.goalAreaId === null) return null;
      const goal = await loaders.goalFor.load(coverage.goalAreaId);
      return goal ? { coverage, goal } : null;
    },
  },
  GoalProgress: {
    area: async ({ goal }, _args, { loaders }) =>
      present(await loaders.areaById.load(goal.areaId), `area ${goal.areaId} of a goal`),
    rate: ({ goal }) => goal.rate,
    deadline: ({ goal }) => goal.deadline,
    gap: ({ goal, coverage }) => goal.rate - coverage.activationRate,
    activationsNeeded: ({ goal, coverage }) => activationsNeeded(goal.rate, coverage),
    daysLeft: ({ goal, coverage }) => daysBetween(coverage.asOf, goal.deadline),
    neededPerDay: ({ goal, coverage }) => {
      const days = daysBetween(coverage.asOf, goal.deadline);
      return days > 0 ? activationsNeeded(goal.rate, coverage) / days : null;
    },
    met: ({ goal, coverage }) => activationsNeeded(goal.rate, coverage) === 0,
  },
  Goal: {
    area: async (goal, _args, { loaders }) =>
      present(await loaders.areaById.load(goal.areaId), `area ${goal.areaId} of a goal`),
  },
};

/** ceil(rate × target) - activated, never below 0 (the epsilon keeps 0.5 × 10 at 5, not 6). */
function activationsNeeded(rate: number, coverage: { target: number; activated: number }): number {
  return Math.max(0, Math.ceil(rate * coverage.target - 1e-9) - coverage.activated);
}
