import { type SQL, sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { IsoDate } from '../../lib/dates.ts';
import { type Db, GENERIC_PLAN } from '../client.ts';
import { byArguments } from '../loaders.ts';
import { intArray } from '../sql.ts';
import {
  areaFiguresInReach,
  areaOnly,
  COUNT_COLUMNS,
  isProvinceWide,
  officersOnDay,
  type Scope,
  scopedAreas,
  scopedUnits,
  unitsInReach,
  unitsOfOfficerOnDay,
} from './scope.ts';

/**
 * Coverage of a set of persons on a day. Every count is cumulative: a person counts for a step once
 * they reached it, or any later step, on or before `asOf`.
 */
export interface CoverageFigures {
  /** Insured persons in scope (the target population). */
  target: number;
  registered: number;
  approved: number;
  activated: number;
  formSigned: number;
  verified: number;
  /** activated / target; 0 when the target is 0. */
  activationRate: number;
  units: number;
  /** Units whose leadership had been contacted (LEADERSHIP_CONTACTED) on or before `asOf`. */
  unitsContacted: number;
}

/** The counts every coverage query selects, before they become CoverageFigures. */
export interface Counts {
  target: number;
  units: number;
  registered: number;
  approved: number;
  activated: number;
  form_signed: number;
  verified: number;
  contacted: number;
}

export interface CountsRow extends Counts, Record<string, unknown> {
  key: number | null;
}

export const dailySums = sql.raw(
  COUNT_COLUMNS.map((c) => `coalesce(sum(d.${c}), 0)::int as ${c}`).join(', '),
);

export function toFigures(row: Counts | undefined): CoverageFigures {
  const target = row?.target ?? 0;
  const activated = row?.activated ?? 0;
  return {
    target,
    registered: row?.registered ?? 0,
    approved: row?.approved ?? 0,
    activated,
    formSigned: row?.form_signed ?? 0,
    verified: row?.verified ?? 0,
    activationRate: target === 0 ? 0 : activated / target,
    units: row?.units ?? 0,
    unitsContacted: row?.contacted ?? 0,
  };
}

/** The additive fields of CoverageFigures (every one but the rate): what a partition must sum to. */
export const COVERAGE_COUNTS = [
  'target',
  'registered',
  'approved',
  'activated',
  'formSigned',
  'verified',
  'units',
  'unitsContacted',
] as const;

export interface GetCoverageParams {
  scope: Scope;
  asOf: IsoDate;
}

/**
 * Coverage of a scope on a day, from the rollups: a scope that is only an area (or nothing: every
 * root area) reads the per-area daily rows; any other filter reads the per-unit daily rows of the
 * units it selects. Neither touches the persons or steps tables.
 */
export async function getCoverage(db: Db, { scope, asOf }: GetCoverageParams): Promise<CoverageFigures> {
  const areaId = areaOnly(scope);
  if (areaId !== null) {
    const rows = await db.execute<CountsRow>(sql`
      /* coverage:area */ ${sql.raw(GENERIC_PLAN)}
      with scoped as (${scopedAreas(scope.reach, areaId, scope.geographyId)})
      select null as key,
        (select coalesce(sum(t.persons), 0)::int from area_totals t where t.area_id in (select * from scoped)) as target,
        (select coalesce(sum(t.units), 0)::int from area_totals t where t.area_id in (select * from scoped)) as units,
        ${dailySums}
      from area_daily d
      where d.area_id in (select * from scoped) and d.day <= ${asOf}`);
    return toFigures(rows[0]);
  }
  const rows = await db.execute<CountsRow>(sql`
    /* coverage:units */
    with scoped as (${scopedUnits(scope, asOf)})
    select null as key, count(*)::int as units, coalesce(sum(t.persons), 0)::int as target, ${unitSums}
    from scoped s
    left join unit_totals t on t.unit_id = s.id
    ${unitCountsAsOf('s.id', asOf, isProvinceWide(scope))}`);
  return toFigures(rows[0]);
}

/**
 * The last day on or before `asOf` with a daily row in the scope (a step or a contact): one seek per
 * area or unit in the rollups' (id, day) keys, never the persons or steps.
 */
export async function getLastActivity(db: Db, { scope, asOf }: GetCoverageParams): Promise<IsoDate | null> {
  const areaId = areaOnly(scope);
  const rows =
    areaId !== null
      ? await db.execute<{ day: string | null }>(sql`
      /* last-activity:area */ ${sql.raw(GENERIC_PLAN)}
      with scoped as (${scopedAreas(scope.reach, areaId, scope.geographyId)})
      select max((select max(d.day) from area_daily d where d.area_id = s.area_id and d.day <= ${asOf}))::text as day
      from (select * from scoped) s(area_id)`)
      : await db.execute<{ day: string | null }>(sql`
      /* last-activity:units */
      with scoped as (${scopedUnits(scope, asOf)})
      select max((select max(d.day) from unit_daily d where d.unit_id = s.id and d.day <= ${asOf}))::text as day
      from scoped s`);
  return rows[0]?.day ?? null;
}

/**
 * Joins, as `c`, a unit's counts on `asOf`. No row yet means all zeros. Two ways to find them:
 * - one backward seek per unit in the (unit_id, day) key for its last row on or before the day: the
 *   cost of a few hundred units, and a plan that a statement prepared once keeps for any scope;
 * - when the units are most of the province (`wide`: a scope of the whole province or a sector of
 *   it, isProvinceWide; a root area's page of units; the offices' list), the rows whose span
 *   [day, next_day) holds the day, all found at once in the span's SP-GiST index and joined by hash
 *   (8.000 units: 12–18 ms where 8.000 seeks took 25–35). Asked of an area's or an officer's units
 *   it would still read every unit's row, and a generic plan, not knowing the day or the area,
 *   picked it, or the primary key, wrongly (an officer's 60 units: 45 ms instead of 2).
 */
export function unitCountsAsOf(unitIdColumn: string, asOf: IsoDate, wide = false): SQL {
  return unitRowAsOf(unitIdColumn, asOf, COUNT_COLUMNS, wide);
}

/**
 * Only the activations of a unit on asOf, as `c.activated`: all that the units' orders need, where
 * unitCountsAsOf reads six counts for every unit of the scope only to sort them.
 */
export function unitActivatedAsOf(unitIdColumn: string, asOf: IsoDate, wide = false): SQL {
  return unitRowAsOf(unitIdColumn, asOf, ['activated'], wide);
}

function unitRowAsOf(unitIdColumn: string, asOf: IsoDate, columns: readonly string[], wide: boolean): SQL {
  const select = sql.raw(columns.map((c) => `d.${c}_cum as ${c}`).join(', '));
  const unit = sql.raw(unitIdColumn);
  // Without a limit the subquery is pulled up into a plain join, which the planner may hash.
  if (wide)
    return sql`left join lateral (
      select ${select} from unit_daily d
      where d.unit_id = ${unit} and daterange(d.day, d.next_day) @> ${asOf}::date
    ) c on true`;
  return sql`left join lateral (
    select ${select} from unit_daily d
    where d.unit_id = ${unit} and d.day <= ${asOf}
    order by d.day desc limit 1
  ) c on true`;
}

/** Sums of the counts joined by unitCountsAsOf, named as CountsRow wants them. */
export const unitSums = sql.raw(COUNT_COLUMNS.map((c) => `coalesce(sum(c.${c}), 0)::int as ${c}`).join(', '));

/** The counts joined by unitCountsAsOf for one unit per row, named as CountsRow wants them. */
export const unitCounts = sql.raw(COUNT_COLUMNS.map((c) => `coalesce(c.${c}, 0) as ${c}`).join(', '));

/**
 * Coverage of many areas at once (one statement whatever their number): what a DataLoader batches
 * when a query asks for the coverage of every district or commune.
 */
export async function getAreaCoverages(
  db: Db,
  { areaIds, asOf, reach }: { areaIds: readonly number[]; asOf: IsoDate; reach: Reach },
): Promise<Map<number, CoverageFigures>> {
  // Areas outside the reach get no row: the caller gets no figure for them.
  const rows = await db.execute<CountsRow>(sql`
    /* coverage:areas */
    select k.area_id as key, coalesce(t.persons, 0) as target, coalesce(t.units, 0) as units, ${dailySums}
    from unnest(${intArray(areaIds)}) as k(area_id)
    left join area_totals t on t.area_id = k.area_id
    left join area_daily d on d.area_id = k.area_id and d.day <= ${asOf}
    where ${areaFiguresInReach(reach, sql`k.area_id`)}
    group by k.area_id, t.persons, t.units`);
  const byArea = new Map<number, CoverageFigures>();
  for (const row of rows) byArea.set(Number(row.key), toFigures(row));
  return byArea;
}

/**
 * Coverage of groups of units at once (one statement for all the groups asked): `keyed` gives rows
 * (id, key) of the units `u` within reach that belong to one of the groups `ids`, e.g. an office's
 * units, or the units in an officer's charge on `asOf`; `wide` when they are most of the province.
 */
async function getGroupedCoverages(
  db: Db,
  keyed: SQL,
  ids: readonly number[],
  asOf: IsoDate,
  wide = false,
): Promise<Map<number, CoverageFigures>> {
  const rows = await db.execute<CountsRow>(sql`
    /* coverage:groups */
    with keyed as (${keyed})
    select g.key, count(k.id)::int as units, coalesce(sum(t.persons), 0)::int as target, ${unitSums}
    from unnest(${intArray(ids)}) as g(key)
    left join keyed k on k.key = g.key
    left join unit_totals t on t.unit_id = k.id
    ${unitCountsAsOf('k.id', asOf, wide)}
    group by g.key`);
  return new Map(rows.map((row) => [Number(row.key), toFigures(row)]));
}

/**
 * Coverage of the units each office manages, within reach. Several offices at once (the offices'
 * list) hold most of the province, whose counts are read together by span (unitCountsAsOf): every
 * office 29–36 → 18–24 ms. The officers' list is not: its units come from a pass over the
 * assignments, and joined to the spans it took 113 ms instead of 64–77 with a seek per unit.
 */
export function getOfficeCoverages(
  db: Db,
  { officeIds, asOf, reach }: { officeIds: readonly number[]; asOf: IsoDate; reach: Reach },
) {
  const keyed = sql`select u.id, u.office_id as key from units u
    where u.office_id = any(${intArray(officeIds)}) and ${unitsInReach(reach)}`;
  return getGroupedCoverages(db, keyed, officeIds, asOf, reach.kind === 'all' && officeIds.length > 1);
}

/**
 * Coverage of the units in each officer's charge on `asOf`, within reach. One officer's units are
 * found from their own assignments (unitsOfOfficerOnDay's rule), where each unit's officer on the day
 * cost a seek for every unit of the province (15–19 ms instead of 3–6); many officers' (an office's
 * list, every officer of the province) in one pass over the assignments (officersOnDay), cheaper than
 * the same rule checked assignment by assignment (every officer: 79–82 ms against 94–106).
 */
export function getStaffCoverages(
  db: Db,
  { staffIds, asOf, reach }: { staffIds: readonly number[]; asOf: IsoDate; reach: Reach },
) {
  const [only, ...others] = staffIds;
  const keyed =
    only !== undefined && others.length === 0
      ? sql`select u.id, ${only}::int as key from units u
          where u.id in ${unitsOfOfficerOnDay(only, asOf)} and ${unitsInReach(reach)}`
      : sql`select u.id, o.staff_id as key from ${officersOnDay(asOf)} o join units u on u.id = o.unit_id
          where o.staff_id = any(${intArray(staffIds)}) and ${unitsInReach(reach)}`;
  return getGroupedCoverages(db, keyed, staffIds, asOf);
}

/** What a coverage loader answers for a parent out of reach: the resolvers check the reach first. */
export const noCoverage =
  (what: string) =>
  (id: number, { asOf }: { asOf: IsoDate }) =>
    new Error(`no coverage for ${what} ${id} on ${asOf}`);

export type CoverageLoaders = ReturnType<typeof coverageLoaders>;

/** The coverage of areas, offices and officers on a day: one statement per day whatever their number. */
export function coverageLoaders(db: Db, reach: Reach) {
  return {
    areaCoverage: byArguments(
      (areaIds, { asOf }: { asOf: IsoDate }) => getAreaCoverages(db, { areaIds, asOf, reach }),
      noCoverage('area'),
    ),
    officeCoverage: byArguments(
      (officeIds, { asOf }: { asOf: IsoDate }) => getOfficeCoverages(db, { officeIds, asOf, reach }),
      noCoverage('office'),
    ),
    staffCoverage: byArguments(
      (staffIds, { asOf }: { asOf: IsoDate }) => getStaffCoverages(db, { staffIds, asOf, reach }),
      noCoverage('officer'),
    ),
  };
}
