import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { areas, offices, type Sector, sector, staff, units } from '../schema/index.ts';
import { chooseGeography } from './geographies.ts';

/*
 * What a scope means, in one place: which units a figure counts, as SQL over `units u`. The caller's
 * reach is part of every scope and every query over units adds it (through unitConditions or
 * unitsInReach), so a figure can only ever count units the caller may see, whatever the resolver above
 * asked; resolveScope decides between an answer and FORBIDDEN for the ids the caller names. Here too:
 * the officer in charge of a unit on a day, and the counts every rollup row carries.
 */

export type { Sector } from '../schema/index.ts';
export const SECTORS: readonly Sector[] = sector.enumValues;

/** The counts of a rollup row (schema/rollups.ts): persons by step, then units contacted. */
export const COUNT_COLUMNS = [
  'registered',
  'approved',
  'activated',
  'form_signed',
  'verified',
  'contacted',
] as const;
type CountColumn = (typeof COUNT_COLUMNS)[number];

/** The counts of persons, one per step: a trend follows persons only. */
export const STEP_COLUMNS = COUNT_COLUMNS.filter(
  (c): c is Exclude<CountColumn, 'contacted'> => c !== 'contacted',
);

/** A scope as the caller wrote it: public codes (GraphQL ids). */
export interface ScopeInput {
  /** The geography in which areaId and the rows of a breakdown are read (its code). */
  geography?: string | null;
  areaId?: string | null;
  officeId?: string | null;
  staffId?: string | null;
  unitId?: string | null;
  sector?: string | null;
}

/**
 * The same scope in internal ids; every field given must hold. `reach` is what the caller may read:
 * every query of the data layer limits itself to it, whatever the other fields say.
 */
export interface Scope {
  reach: Reach;
  /**
   * The geography in which the scope's area and the DISTRICT/COMMUNE rows of a breakdown are read;
   * the reach's own area may lie in another one.
   */
  geographyId: number;
  areaId?: number;
  officeId?: number;
  staffId?: number;
  unitId?: number;
  sector?: Sector;
}

/**
 * A scope whose ids may also be SQL expressions: the column of a list of parents that a lateral join
 * walks, so that one statement answers for every parent.
 */
export type ScopeTerms = { [K in Exclude<keyof Scope, 'reach' | 'geographyId'>]?: Scope[K] | SQL } & {
  reach: Reach;
};

export type ScopeProblem =
  | { kind: 'not-found'; field: keyof ScopeInput; what: string; code: string; hint?: string }
  | { kind: 'forbidden'; field: keyof ScopeInput; what: string; code: string }
  | { kind: 'bad-sector'; value: string };

/**
 * Maps public codes to internal ids; returns the first problem instead when a code is unknown or
 * names something outside the reach. A scope without an area is the whole reach: a district head's
 * `coverage` is their district's. Areas are read in the scope's geography, by default the one in
 * force on `day`.
 */
export async function resolveScope(
  db: Db,
  input: ScopeInput | null | undefined,
  reach: Reach,
  day: IsoDate,
): Promise<Scope | ScopeProblem> {
  const geography = await chooseGeography(db, input?.geography, day);
  if (!geography)
    return { kind: 'not-found', field: 'geography', what: 'Geography', code: input?.geography as string };
  const scope: Scope = { reach, geographyId: geography.id };
  if (reach.kind === 'area' && !input?.areaId) scope.areaId = reach.areaId;
  if (!input) return scope;
  const lookups = [
    { field: 'areaId', what: 'Area', table: areas },
    { field: 'officeId', what: 'Office', table: offices },
    { field: 'staffId', what: 'Staff', table: staff },
    { field: 'unitId', what: 'Unit', table: units },
  ] as const;
  for (const { field, what, table } of lookups) {
    const code = input[field];
    if (code === undefined || code === null) continue;
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(
        table === areas
          ? and(eq(areas.code, code), eq(areas.geographyId, geography.id))
          : eq(table.code, code),
      );
    if (!row) {
      const hint = table === areas ? await otherGeographies(db, code, geography.code) : undefined;
      return { kind: 'not-found', field, what, code, ...(hint ? { hint } : {}) };
    }
    if (!(await mayName(db, reach, field, row.id))) return { kind: 'forbidden', field, what, code };
    scope[field] = row.id;
  }
  if (input.sector !== undefined && input.sector !== null) {
    if (!SECTORS.includes(input.sector as Sector)) return { kind: 'bad-sector', value: input.sector };
    scope.sector = input.sector as Sector;
  }
  return scope;
}

/** For an area code the geography lacks: which geographies have it, to say so in the error. */
async function otherGeographies(db: Db, code: string, asked: string): Promise<string | undefined> {
  const rows = await db.execute<{ code: string }>(
    sql`select g.code from areas a join geographies g on g.id = a.geography_id where a.code = ${code} order by g.valid_from`,
  );
  if (rows.length === 0) return undefined;
  return `there is no area "${code}" in geography ${asked}; it is in ${rows.map((r) => r.code).join(', ')} (pass scope.geography)`;
}

/**
 * Whether a scope may name this id. An area must lie inside a district head's area (an area above it
 * would be only partly theirs); an office may be named and counts only the units within reach; an
 * officer must work for an office in or above their area (the province's office serves every
 * district). An officer names only their own units and themselves; an office's account its own
 * office, its officers, its units and the areas all of whose units it manages.
 */
async function mayName(db: Db, reach: Reach, field: keyof ScopeInput, id: number): Promise<boolean> {
  switch (field) {
    case 'areaId':
      return canReadArea(db, reach, id);
    case 'unitId':
      return canReadUnit(db, reach, id);
    case 'staffId':
      return canReadStaff(db, reach, id);
    default:
      // Another office, to an office's account, would only ever select nothing.
      return reach.kind === 'office' ? id === reach.officeId : reach.kind !== 'officer';
  }
}

export function isScopeProblem(value: Scope | ScopeProblem): value is ScopeProblem {
  return 'kind' in value;
}

/**
 * The officer in charge of a unit on a day: the assignment with the latest from_date on or before it
 * (one index seek in the unique (unit_id, from_date) key); null before the unit's first assignment.
 */
export function officerOnDay(unitId: SQL, day: IsoDate): SQL {
  return sql`(select a.staff_id from unit_assignments a
    where a.unit_id = ${unitId} and a.from_date <= ${day} order by a.from_date desc limit 1)`;
}

/**
 * The units in an officer's charge on a day, as a subquery of unit ids: the officer's own assignments
 * on or before the day that no later one of the same unit (on or before the day) replaced. The same
 * rule as officerOnDay, read from the officer's side: a seek for each of their assignments instead of
 * one for each unit of the province (an officer's scope took 17 ms for 8.000 units).
 */
export function unitsOfOfficerOnDay(staffId: number | SQL, day: IsoDate): SQL {
  return sql`(select a.unit_id from unit_assignments a
    where a.staff_id = ${staffId} and a.from_date <= ${day}
      and not exists (select 1 from unit_assignments later
        where later.unit_id = a.unit_id and later.from_date > a.from_date and later.from_date <= ${day}))`;
}

/**
 * The same rule for every unit at once, as rows (unit_id, staff_id) of the units that have an officer
 * on the day: one pass over the assignments, which costs less than a seek per unit when a whole
 * province is grouped by officer. PostgreSQL pushes a condition on unit_id down into it, so a list of
 * units reads only their own assignments.
 */
export function officersOnDay(day: IsoDate): SQL {
  return sql`(select distinct on (a.unit_id) a.unit_id, a.staff_id from unit_assignments a
    where a.from_date <= ${day} order by a.unit_id, a.from_date desc)`;
}

/** The condition that an area id (an SQL expression) is this area or lies inside it. */
function inArea(areaIdColumn: SQL, areaId: number | SQL): SQL {
  return sql`${areaIdColumn} in (select descendant_id from area_closure where ancestor_id = ${areaId})`;
}

/** The condition that a unit (its id, an SQL expression) lies inside an area, in the area's geography. */
export function unitInArea(unitIdColumn: SQL, areaId: number | SQL): SQL {
  return sql`${unitIdColumn} in (select inside.unit_id from unit_areas inside where inside.area_id = ${areaId})`;
}

/** The condition on `units u` that keeps the units within reach. */
export function unitsInReach(reach: Reach): SQL {
  switch (reach.kind) {
    case 'all':
      return sql`true`;
    case 'area':
      return unitInArea(sql`u.id`, reach.areaId);
    case 'office':
      return sql`u.office_id = ${reach.officeId}`;
    case 'officer':
      return sql`u.id in ${unitsOfOfficerOnDay(reach.staffId, reach.today)}`;
  }
}

/**
 * The condition on an area id (an SQL expression) that its figures are within reach: everything for
 * `all`; for `area`, the areas inside the reach and, in another geography, the areas that hold units
 * and only units within it (so a new map never widens a district head's reach); for an office, the
 * areas that hold units and only units it manages (an area's figures count all its units: a commune
 * where the province's office manages a unit too is not the office's to read whole); none for an
 * officer, whose reach is units, not areas.
 */
export function areaFiguresInReach(reach: Reach, areaId: SQL): SQL {
  switch (reach.kind) {
    case 'all':
      return sql`true`;
    case 'area':
      return sql`(${inArea(areaId, reach.areaId)} or (
        (select ga.geography_id from areas ga where ga.id = ${areaId}) <> (select gr.geography_id from areas gr where gr.id = ${reach.areaId})
        and ${holdsOnly(areaId, (unitId) => unitInArea(unitId, reach.areaId))}))`;
    case 'office':
      return holdsOnly(
        areaId,
        (unitId) => sql`${unitId} in (select ou.id from units ou where ou.office_id = ${reach.officeId})`,
      );
    case 'officer':
      return sql`false`;
  }
}

/** The condition that an area holds units, and only units of which `within` (on a unit id) holds. */
function holdsOnly(areaId: SQL, within: (unitId: SQL) => SQL): SQL {
  return sql`(exists (select 1 from unit_areas ua where ua.area_id = ${areaId})
    and not exists (select 1 from unit_areas ua where ua.area_id = ${areaId} and not ${within(sql`ua.unit_id`)}))`;
}

/**
 * The condition on an area id that the area may be named to the caller: the areas whose figures it
 * may read, and the areas above them (the path from the province, for breadcrumbs). For an officer
 * or an office, the areas of their units and the areas above those.
 */
export function areaVisible(reach: Reach, areaId: SQL): SQL {
  switch (reach.kind) {
    case 'all':
      return sql`true`;
    case 'area':
      return sql`(${areaFiguresInReach(reach, areaId)} or ${areaId} in (select ancestor_id from area_closure where descendant_id = ${reach.areaId})
        or exists (select 1 from unit_areas ua where ua.area_id = ${areaId} and ${unitInArea(sql`ua.unit_id`, reach.areaId)}))`;
    case 'office':
    case 'officer':
      return sql`${areaId} in (select ua.area_id from unit_areas ua join units u on u.id = ua.unit_id where ${unitsInReach(reach)})`;
  }
}

/** Whether the caller may read the figures of this area. */
export async function canReadArea(db: Db, reach: Reach, areaId: number): Promise<boolean> {
  if (reach.kind === 'all') return true;
  const [row] = await db.execute<{ ok: boolean }>(
    sql`select ${areaFiguresInReach(reach, sql`${areaId}::int`)} as ok`,
  );
  return row?.ok === true;
}

/**
 * The condition on an officer's id (an SQL expression) that the caller may read their figures: an
 * officer their own; a district head those of an officer of an office in or above their area (the
 * province's office serves every district); an office's account its own officers. Another district's
 * officer is FORBIDDEN, not zeros.
 */
export function staffInReach(reach: Reach, staffId: SQL): SQL {
  switch (reach.kind) {
    case 'all':
      return sql`true`;
    case 'officer':
      return sql`${staffId} = ${reach.staffId}`;
    case 'office':
      return sql`exists (select 1 from staff s where s.id = ${staffId} and s.office_id = ${reach.officeId})`;
    case 'area':
      return sql`exists (select 1 from staff s join offices o on o.id = s.office_id
        where s.id = ${staffId} and ${areaVisible(reach, sql`o.area_id`)})`;
  }
}

/** Whether the caller may read this officer's figures. */
export async function canReadStaff(db: Db, reach: Reach, staffId: number): Promise<boolean> {
  if (reach.kind === 'all') return true;
  const [row] = await db.execute<{ ok: boolean }>(
    sql`select ${staffInReach(reach, sql`${staffId}::int`)} as ok`,
  );
  return row?.ok === true;
}

/** Whether this unit is within reach. */
export async function canReadUnit(db: Db, reach: Reach, unitId: number): Promise<boolean> {
  if (reach.kind === 'all') return true;
  const [row] = await db.execute<{ ok: boolean }>(
    sql`select exists (select 1 from units u where u.id = ${unitId} and ${unitsInReach(reach)}) as ok`,
  );
  return row?.ok === true;
}

/**
 * Whether the scope is every unit of the province, or a sector of them (the reach is everything and
 * no area, office, officer or unit narrows it): thousands of units, whose counts on a day are read
 * together rather than one by one (coverage.ts, unitCountsAsOf).
 */
export function isProvinceWide(scope: ScopeTerms): boolean {
  const { reach, areaId, officeId, staffId, unitId } = scope;
  return reach.kind === 'all' && [areaId, officeId, staffId, unitId].every((term) => term === undefined);
}

/** The scope as conditions on `units u`, for queries that read the units table themselves. */
export function unitConditions(scope: ScopeTerms, asOf: IsoDate): SQL {
  const { reach, areaId } = scope;
  const conditions = reachWithArea(unitsInReach(reach), reach, areaId, (area) => unitInArea(sql`u.id`, area));
  if (scope.officeId !== undefined) conditions.push(sql`u.office_id = ${scope.officeId}`);
  if (scope.unitId !== undefined) conditions.push(sql`u.id = ${scope.unitId}`);
  if (scope.sector !== undefined) conditions.push(sql`u.sector = ${scope.sector}`);
  if (scope.staffId !== undefined) {
    conditions.push(sql`u.id in ${unitsOfOfficerOnDay(scope.staffId, asOf)}`);
  }
  return sql.join(conditions, sql` and `);
}

/**
 * The condition on an area id (an SQL expression) that the area's figures are within reach and that
 * it lies inside the scope's area, if any.
 */
export function areasInScope(reach: Reach, areaId: number | undefined, areaIdColumn: SQL): SQL {
  return sql.join(
    reachWithArea(areaFiguresInReach(reach, areaIdColumn), reach, areaId, (area) =>
      inArea(areaIdColumn, area),
    ),
    sql` and `,
  );
}

/**
 * The reach's condition `inReach` and the scope's area (`within` it) as conditions. An area
 * inside a district head's area holds only what is within reach, so the reach's condition on every
 * row would repeat it: the reach's own area (their default scope) is written once, and another area is
 * checked once for the whole statement (a one-time filter) instead of the reach for each row, so the
 * reach is still in the SQL; an area above the reach, which resolveScope refuses, then selects nothing,
 * as the per-area rollups answer it. An area given as an SQL expression (a list of parents, which may
 * lie above the reach) keeps both conditions.
 */
function reachWithArea(
  inReach: SQL,
  reach: Reach,
  areaId: number | SQL | undefined,
  within: (areaId: number | SQL) => SQL,
): SQL[] {
  if (areaId === undefined) return [inReach];
  const inScope = within(areaId);
  if (reach.kind !== 'area' || typeof areaId !== 'number') return [inReach, inScope];
  if (areaId === reach.areaId) return [inScope];
  return [inScope, areaFiguresInReach(reach, sql`${areaId}::int`)];
}

/** The ids of the units a scope selects; the officer filter uses the assignment in force on `asOf`. */
export function scopedUnits(scope: Scope, asOf: IsoDate): SQL {
  return sql`select u.id from units u where ${unitConditions(scope, asOf)}`;
}

/**
 * When the scope is only an area (or nothing: every root area) and the reach allows reading areas'
 * figures, that area (undefined for the roots), which the per-area rollups answer; otherwise null:
 * the scope's units must be selected one by one.
 */
export function areaOnly(scope: Scope): number | undefined | null {
  // The geography only says in which map the area was named: it selects no unit.
  const { areaId, reach, geographyId: _, ...rest } = scope;
  if (reach.kind === 'officer' || reach.kind === 'office' || (reach.kind === 'area' && areaId === undefined))
    return null;
  return Object.values(rest).every((v) => v === undefined) ? areaId : null;
}

/**
 * The ids of the areas whose per-area rollups answer an area-only scope (see areaOnly): the area, if
 * its figures are within reach, or every root area of the geography (one geography: the units of
 * another are the same units again).
 */
export function scopedAreas(reach: Reach, areaId: number | undefined, geographyId: number): SQL {
  if (areaId === undefined)
    return sql`select id from areas where parent_id is null and geography_id = ${geographyId}`;
  return sql`select ${areaId}::int where ${areaFiguresInReach(reach, sql`${areaId}::int`)}`;
}
