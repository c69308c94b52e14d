import { may } from '../auth/policy.ts';
import type { Viewer } from '../auth/reach.ts';
import type { Context } from '../context.ts';
import { getOfficeByCode, listOffices } from '../db/queries/offices.ts';
import { getStaffByCode, type StaffRow } from '../db/queries/staff.ts';
import { getUnitByCode, listUnits, type UnitFilter } from '../db/queries/units.ts';
import type { Resolvers, UnitFilter as UnitFilterInput } from '../generated/graphql.ts';
import { ForbiddenError } from '../lib/errors.ts';
import { foldForSearch } from '../lib/search.ts';
import { view } from './coverage-view.ts';
import { pageArgs, toConnection } from './pagination.ts';
import { present } from './present.ts';
import { requireScope } from './scope.ts';
import { checkTrendDays } from './trend.ts';

/** The filter with its search text folded as the database stores it. */
export function unitFilter(filter: UnitFilterInput | null | undefined): UnitFilter {
  if (!filter) return {};
  const search = filter.search ? foldForSearch(filter.search) : undefined;
  return {
    search: search || undefined,
    notContacted: filter.notContacted ?? undefined,
    reached: filter.reached ?? undefined,
    notReached: filter.notReached ?? undefined,
  };
}

/** An officer's units and figures, refused outside the reach (the data layer's staffInReach). */
async function staffOrForbidden(s: StaffRow, { loaders }: Context): Promise<true> {
  if (!(await loaders.staffReadable.load(s.id)))
    throw new ForbiddenError(
      `The units and figures of officer "${s.code}" are outside your reach`,
      undefined,
      undefined,
      undefined,
      { what: 'officer', id: s.code },
    );
  return true;
}

/** Officers' e-mail addresses: for those who manage them, not for analysts or other officers. */
function contactOrNull(s: StaffRow, viewer: Viewer, value: string | null): string | null {
  return may(viewer.role, 'staff-contacts:read') || viewer.staffId === s.id ? value : null;
}

export const unitResolvers: Resolvers = {
  Query: {
    unit: async (_root, { id }, { db, reach, today }) => {
      const found = await getUnitByCode(db, id, reach, today);
      if (found && !found.inReach)
        throw new ForbiddenError(`Unit "${id}" is outside your reach`, 'id', undefined, undefined, {
          what: 'unit',
          id,
        });
      return found?.unit ?? null;
    },
    units: async (_root, { scope, filter, orderBy, asOf, first, after, offset }, { db, reach, today }) => {
      const page = pageArgs(first, after, orderBy ?? 'CODE', offset);
      const units = await listUnits(db, {
        scope: await requireScope(db, scope, reach, asOf ?? today),
        asOf: asOf ?? today,
        filter: unitFilter(filter),
        ...page,
      });
      return toConnection(units, page.order);
    },
    office: async (_root, { id }, { db }) => (await getOfficeByCode(db, id)) ?? null,
    offices: (_root, _args, { db }) => listOffices(db),
    staff: async (_root, { id }, { db }) => (await getStaffByCode(db, id)) ?? null,
  },
  Unit: {
    id: (unit) => unit.code,
    district: async (unit, _args, { loaders }) =>
      unit.districtId === null ? null : ((await loaders.areaById.load(unit.districtId)) ?? null),
    commune: async (unit, _args, { loaders }) =>
      unit.communeId === null ? null : ((await loaders.areaById.load(unit.communeId)) ?? null),
    office: async (unit, _args, { loaders }) =>
      present(await loaders.officeById.load(unit.officeId), `office of ${unit.code}`),
    coverage: async (unit, { asOf }, { loaders, today }) =>
      view(
        await loaders.unitCoverage.load([unit.id, { asOf: asOf ?? today }]),
        asOf ?? today,
        unit.communeId ?? unit.districtId,
      ),
    trend: (unit, { from, to }, { loaders }) => {
      checkTrendDays(from, to);
      return loaders.unitTrend.load([unit.id, { from, to }]);
    },
    officer: async (unit, { asOf }, { loaders, today }) => {
      const staffId = await loaders.unitOfficer.load([unit.id, { asOf: asOf ?? today }]);
      return staffId === null ? null : present(await loaders.staffById.load(staffId), `officer ${staffId}`);
    },
    assignments: (unit, _args, { loaders }) => loaders.unitAssignments.load(unit.id),
    milestones: (unit, _args, { loaders }) => loaders.unitMilestones.load(unit.id),
    trainings: (unit, _args, { loaders }) => loaders.unitTrainings.load(unit.id),
  },
  Assignment: {
    staff: async (a, _args, { loaders }) =>
      present(await loaders.staffById.load(a.staffId), `officer ${a.staffId}`),
  },
  UnitMilestone: {
    staff: async (m, _args, { loaders }) =>
      m.staffId === null ? null : ((await loaders.staffById.load(m.staffId)) ?? null),
  },
  TrainingSession: {
    id: (t) => String(t.id),
    office: async (t, _args, { loaders }) =>
      present(await loaders.officeById.load(t.officeId), `office ${t.officeId}`),
  },
  Office: {
    id: (office) => office.code,
    area: async (office, _args, { loaders }) =>
      present(await loaders.areaById.load(office.areaId), `area of ${office.code}`),
    staff: (office, _args, { loaders }) => loaders.staffOfOffice.load(office.id),
    coverage: async (office, { asOf }, { loaders, today, reach }) => {
      // An officer's reach is their units, not an office's, and an office's account reads its own
      // office; a district head sees the office's units in their area (the data layer counts only those).
      if (reach.kind === 'officer' || (reach.kind === 'office' && reach.officeId !== office.id))
        throw new ForbiddenError(
          `The figures of office "${office.code}" are outside your reach`,
          undefined,
          undefined,
          undefined,
          { what: 'office', id: office.code },
        );
      return view(
        await loaders.officeCoverage.load([office.id, { asOf: asOf ?? today }]),
        asOf ?? today,
        office.areaId,
      );
    },
  },
  Staff: {
    id: (s) => s.code,
    email: (s, _args, { viewer }) => contactOrNull(s, viewer, s.email),
    office: async (s, _args, { loaders }) =>
      present(await loaders.officeById.load(s.officeId), `office of ${s.code}`),
    units: async (s, { asOf, first, after }, ctx) =>
      (await staffOrForbidden(s, ctx)) &&
      toConnection(
        await ctx.loaders.unitPages.load([
          s.id,
          { parent: 'staffId', asOf: asOf ?? ctx.today, ...pageArgs(first, after) },
        ]),
      ),
    coverage: async (s, { asOf }, ctx) => {
      await staffOrForbidden(s, ctx);
      const { loaders, today } = ctx;
      const office = await loaders.officeById.load(s.officeId);
      return view(
        await loaders.staffCoverage.load([s.id, { asOf: asOf ?? today }]),
        asOf ?? today,
        office?.areaId ?? null,
      );
    },
  },
};
