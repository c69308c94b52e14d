import { type SQL, sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { IsoDate } from '../../lib/dates.ts';
import { type Db, PLANNED_EACH_TIME } from '../client.ts';
import { byArguments, oneOfEach } from '../loaders.ts';
import type { MilestoneName } from '../schema/index.ts';
import { intArray } from '../sql.ts';
import { rootAreaIds } from './areas.ts';
import {
  type CountsRow,
  type CoverageFigures,
  noCoverage,
  toFigures,
  unitActivatedAsOf,
  unitCounts,
  unitCountsAsOf,
} from './coverage.ts';
import { geographyOnDay } from './geographies.ts';
import {
  isProvinceWide,
  officerOnDay,
  type Scope,
  type ScopeTerms,
  unitConditions,
  unitsInReach,
} from './scope.ts';

/** A unit with its district and commune worked out from the area hierarchy. */
export interface UnitRow extends Record<string, unknown> {
  id: number;
  code: string;
  name: string;
  sector: string;
  taxCode: string | null;
  address: string | null;
  officeId: number;
  districtId: number | null;
  communeId: number | null;
}

/** A unit's columns, its district and commune as they are in a geography (an id, or an SQL expression). */
export function unitColumns(geography: number | SQL | undefined): SQL {
  return sql`
  u.id, u.code, u.name, u.sector, u.tax_code as "taxCode", u.address, u.office_id as "officeId",
  (select a.id from unit_areas ua join areas a on a.id = ua.area_id
    where ua.unit_id = u.id and ua.geography_id = ${geography} and a.level = 'DISTRICT' limit 1) as "districtId",
  (select a.id from unit_places up join areas a on a.id = up.area_id
    where up.unit_id = u.id and up.geography_id = ${geography} and a.level = 'COMMUNE') as "communeId"`;
}

/** The units of these ids that are within reach, placed in the geography in force today. */
async function getUnitsByIds(
  db: Db,
  ids: readonly number[],
  reach: Reach,
  today: IsoDate,
): Promise<UnitRow[]> {
  return db.execute<UnitRow>(
    sql`select ${unitColumns(geographyOnDay(today))} from units u where u.id = any(${intArray(ids)}) and ${unitsInReach(reach)}`,
  );
}

/**
 * The unit of a code, placed in the geography in force today, and whether it is within reach (so that
 * the caller can tell FORBIDDEN from NOT_FOUND).
 */
export async function getUnitByCode(
  db: Db,
  code: string,
  reach: Reach,
  today: IsoDate,
): Promise<{ unit: UnitRow; inReach: boolean } | undefined> {
  const [row] = await db.execute<UnitRow & { inReach: boolean }>(
    sql`select ${unitColumns(geographyOnDay(today))}, ${unitsInReach(reach)} as "inReach" from units u where u.code = ${code}`,
  );
  if (!row) return undefined;
  const { inReach, ...unit } = row;
  return { unit, inReach };
}

export const UNIT_ORDERS = [
  'CODE',
  'CODE_DESC',
  'NAME',
  'NAME_DESC',
  'SECTOR',
  'SECTOR_DESC',
  'OFFICER',
  'OFFICER_DESC',
  'TARGET_ASC',
  'TARGET_DESC',
  'ACTIVATED_ASC',
  'ACTIVATED_DESC',
  'ACTIVATION_RATE_ASC',
  'ACTIVATION_RATE_DESC',
  'NOT_ACTIVATED',
  'NOT_ACTIVATED_ASC',
] as const;

export type UnitOrder = (typeof UNIT_ORDERS)[number];

export interface UnitFilter {
  /** Folded text (lib/search.ts) that the unit's code or name must contain. */
  search?: string;
  /** Only units whose leadership had not been contacted on asOf. */
  notContacted?: boolean;
  /** Only units that had reached this milestone on asOf. */
  reached?: MilestoneName;
  /** Only units that had not reached this milestone on asOf. */
  notReached?: MilestoneName;
}

export interface ListUnitsParams {
  scope: Scope;
  /** The day the officer filter, the milestone filters and the activation rate are read on. */
  asOf: IsoDate;
  filter?: UnitFilter;
  order?: UnitOrder;
  first: number;
  /** Ordered by code: the units after this code. */
  afterCode?: string;
  /** How many units to skip (any order, when no `afterCode` is given). */
  offset?: number;
}

export interface UnitPage {
  units: UnitRow[];
  hasNextPage: boolean;
  totalCount: number;
  /** Position of the first unit of the page in the whole ordered list. */
  offset: number;
}

function reachedBy(milestone: MilestoneName, asOf: IsoDate): SQL {
  return sql`exists (select 1 from unit_milestones m where m.unit_id = u.id and m.milestone = ${milestone} and m.date <= ${asOf})`;
}

/** The units of a scope that pass the filter, as a where clause over `units u`. */
function unitWhere(scope: ScopeTerms, asOf: IsoDate, filter: UnitFilter = {}): SQL {
  const conditions: SQL[] = [unitConditions(scope, asOf)];
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`u.search_text like ${pattern}`);
  }
  if (filter.notContacted) conditions.push(sql`not ${reachedBy('LEADERSHIP_CONTACTED', asOf)}`);
  if (filter.reached) conditions.push(reachedBy(filter.reached, asOf));
  if (filter.notReached) conditions.push(sql`not ${reachedBy(filter.notReached, asOf)}`);
  return sql.join(conditions, sql` and `);
}

/** How a page is ordered and where it starts, as clauses over `units u` joined with its counts `c`. */
function pageClauses(params: Pick<ListUnitsParams, 'order' | 'afterCode' | 'offset' | 'asOf'>, wide = false) {
  const order = params.order ?? 'CODE';
  // The officer in charge on the day, by name; units nobody was in charge of come last either way.
  const officer = sql`(select s.full_name from staff s where s.id = ${officerOnDay(sql`u.id`, params.asOf)})`;
  const target = sql`coalesce(t.persons, 0)`;
  const activated = sql`coalesce(c.activated, 0)`;
  const rate = sql`coalesce(c.activated::float / nullif(t.persons, 0), 0)`;
  const left = sql`(${target} - ${activated})`;
  // Every order ends on the code, so that a position names the same unit on every page.
  const orders: Record<UnitOrder, SQL> = {
    CODE: sql`u.code`,
    CODE_DESC: sql`u.code desc`,
    NAME: sql`u.name, u.code`,
    NAME_DESC: sql`u.name desc, u.code`,
    SECTOR: sql`u.sector, u.code`,
    SECTOR_DESC: sql`u.sector desc, u.code`,
    OFFICER: sql`${officer} nulls last, u.code`,
    OFFICER_DESC: sql`${officer} desc nulls last, u.code`,
    TARGET_ASC: sql`${target}, u.code`,
    TARGET_DESC: sql`${target} desc, u.code`,
    ACTIVATED_ASC: sql`${activated}, u.code`,
    ACTIVATED_DESC: sql`${activated} desc, u.code`,
    ACTIVATION_RATE_ASC: sql`${rate}, u.code`,
    ACTIVATION_RATE_DESC: sql`${rate} desc, u.code`,
    NOT_ACTIVATED: sql`${left} desc, ${target} desc, u.code`,
    NOT_ACTIVATED_ASC: sql`${left}, ${target}, u.code`,
  };
  const keyset = order === 'CODE' && params.afterCode !== undefined;
  const after = keyset ? sql`u.code > ${params.afterCode}` : sql`true`;
  // Only the orders by activations read the units' counts: joined for the others too, they would be
  // found for every unit of the scope, where the code's order reads 21 rows of an index.
  const counts = /ACTIVAT/.test(order) ? unitActivatedAsOf('u.id', params.asOf, wide) : sql``;
  return { orderBy: orders[order], after, offset: keyset ? 0 : (params.offset ?? 0), counts };
}

/**
 * A page of a scope's units. By code, pages are keyset (stable while units are added); by name or by
 * activation rate on asOf (lowest first for "who lags most"), they are by position, code breaking ties.
 */
export async function listUnits(db: Db, params: ListUnitsParams): Promise<UnitPage> {
  return unitPage(db, params.scope, params.scope.geographyId, params, isProvinceWide(params.scope));
}

/** A page of the units that `scope` selects, placed in `geography`: one statement, top-N sorted. */
async function unitPage(
  db: Db,
  scope: ScopeTerms,
  geography: number | SQL | undefined,
  params: Omit<ListUnitsParams, 'scope'>,
  wide: boolean,
): Promise<UnitPage> {
  const where = unitWhere(scope, params.asOf, params.filter);
  const { orderBy, after, offset, counts } = pageClauses(params, wide);
  // The page's ids are chosen over narrow rows (id, the order's keys) and only they are then read
  // whole: at province scale the units' names and addresses are a third of the rows' width.
  const rows = await db.execute<UnitRow & { total: number }>(sql`
    /* units:page */ ${sql.raw(PLANNED_EACH_TIME)}
    select ${unitColumns(geography)}, (select count(*)::int from units u where ${where}) as total
    from unnest(array(
      select u.id from units u
      left join unit_totals t on t.unit_id = u.id
      ${counts}
      where ${where} and ${after}
      order by ${orderBy}
      limit ${params.first + 1} offset ${offset}
    )) with ordinality as page(id, ord)
    join units u on u.id = page.id
    order by page.ord`);
  const totalCount = rows[0]?.total ?? (await countUnits(db, where));
  return { units: rows.slice(0, params.first), hasNextPage: rows.length > params.first, totalCount, offset };
}

export interface ListUnitPagesParams extends Omit<ListUnitsParams, 'scope'> {
  /** Whose units: each area's (and the areas inside it) or each officer's on asOf. */
  parent: 'areaId' | 'staffId';
  parentIds: readonly number[];
  reach: Reach;
  /** An officer's units are placed in the geography in force today. */
  today: IsoDate;
}

/**
 * The same page of units for many areas or officers, in one statement whatever their number: what a
 * query such as every district's first ten units needs.
 */
async function listUnitPages(db: Db, params: ListUnitPagesParams): Promise<Map<number, UnitPage>> {
  const [only, ...others] = params.parentIds;
  // One area's or officer's page (the province's "units lagging most", a district's table) is the
  // common case: as a plain ordered statement it is sorted top-N, where the window below sorts every
  // unit in full, and the planner sees which area it is (at province scale 35 ms instead of 60).
  if (only !== undefined && others.length === 0) {
    const geography =
      params.parent === 'areaId'
        ? sql`(select pa.geography_id from areas pa where pa.id = ${only})`
        : geographyOnDay(params.today);
    // As an expression, as the many-parent statement has it: an area above a district head's reach
    // then still selects the units within reach (a number would be read as a scope, selecting none).
    const parent = sql`${only}::int`;
    // A root area's page (the province's "units lagging most") holds every unit.
    const wide =
      params.parent === 'areaId' && params.reach.kind === 'all' && (await rootAreaIds(db)).has(only);
    const page = await unitPage(
      db,
      { reach: params.reach, [params.parent]: parent },
      geography,
      params,
      wide,
    );
    return new Map([[only, page]]);
  }
  const where = unitWhere({ reach: params.reach, [params.parent]: sql`p.id` }, params.asOf, params.filter);
  const { orderBy, after, offset, counts } = pageClauses(params);
  const rows = await db.execute<UnitRow & { parent: number; total: number; ord: unknown }>(sql`
    /* units:pages */ ${sql.raw(PLANNED_EACH_TIME)}
    select p.id as parent, n.total, x.*
    from unnest(${intArray(params.parentIds)}) as p(id)
    cross join lateral (select count(*)::int as total from units u where ${where}) n
    left join lateral (
      select ${unitColumns(params.parent === 'areaId' ? sql`(select pa.geography_id from areas pa where pa.id = p.id)` : geographyOnDay(params.today))}, row_number() over (order by ${orderBy}) as ord
      from units u
      left join unit_totals t on t.unit_id = u.id
      ${counts}
      where ${where} and ${after}
      order by ord
      limit ${params.first + 1} offset ${offset}
    ) x on true
    order by p.id, x.ord`);
  const pages = new Map<number, UnitPage>();
  for (const id of params.parentIds) pages.set(id, { units: [], hasNextPage: false, totalCount: 0, offset });
  for (const { parent, total, ord: _, ...unit } of rows) {
    const page = pages.get(parent) as UnitPage;
    page.totalCount = total;
    if (unit.id === null) continue;
    if (page.units.length < params.first) page.units.push(unit as UnitRow);
    else page.hasNextPage = true;
  }
  return pages;
}

async function countUnits(db: Db, where: SQL): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from units u where ${where}`);
  return row?.n ?? 0;
}

/** Coverage of many units on one day, in one statement. */
async function getUnitCoverages(
  db: Db,
  { unitIds, asOf, reach }: { unitIds: readonly number[]; asOf: IsoDate; reach: Reach },
): Promise<Map<number, CoverageFigures>> {
  const rows = await db.execute<CountsRow>(sql`
    /* coverage:units-batch */
    select u.id as key, coalesce(t.persons, 0) as target, 1 as units, ${unitCounts}
    from units u
    left join unit_totals t on t.unit_id = u.id
    ${unitCountsAsOf('u.id', asOf)}
    where u.id = any(${intArray(unitIds)}) and ${unitsInReach(reach)}`);
  return new Map(rows.map((row) => [Number(row.key), toFigures(row)]));
}

/** Which page of an area's or officer's units, on which day. */
export type UnitPageArgs = Omit<ListUnitPagesParams, 'parentIds' | 'reach' | 'today'>;

export type UnitLoaders = ReturnType<typeof unitLoaders>;

export function unitLoaders(db: Db, reach: Reach, today: IsoDate) {
  return {
    unitById: oneOfEach(
      (ids) => getUnitsByIds(db, ids, reach, today),
      (unit) => unit.id,
    ),
    unitCoverage: byArguments(
      (unitIds, { asOf }: { asOf: IsoDate }) => getUnitCoverages(db, { unitIds, asOf, reach }),
      noCoverage('unit'),
    ),
    /** A page of an area's or an officer's units; siblings asking for the same page share one statement. */
    unitPages: byArguments(
      (parentIds, page: UnitPageArgs) => listUnitPages(db, { ...page, reach, parentIds, today }),
      (parent) => new Error(`no page of units for ${parent}`),
    ),
  };
}
