import { type SQL, sql } from 'drizzle-orm';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { intArray } from '../sql.ts';
import {
  type CountsRow,
  type CoverageFigures,
  scopedUnits,
  toFigures,
  unitCountsAsOf,
  unitSums,
} from './coverage.ts';
import type { Scope } from './scope.ts';

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

const unitColumns = sql`
  u.id, u.code, u.name, u.sector, u.tax_code as "taxCode", u.address, u.office_id as "officeId",
  (select c.ancestor_id from area_closure c join areas a on a.id = c.ancestor_id
    where c.descendant_id = u.area_id and a.level = 'DISTRICT' limit 1) as "districtId",
  (select a.id from areas a where a.id = u.area_id and a.level = 'COMMUNE') as "communeId"`;

export async function getUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  const [row] = await db.execute<UnitRow>(sql`select ${unitColumns} from units u where u.code = ${code}`);
  return row;
}

export interface ListUnitsParams {
  scope: Scope;
  /** The day the officer filter is read on. */
  asOf: IsoDate;
  first: number;
  /** Units after this code (the decoded cursor). */
  afterCode?: string;
}

export interface UnitPage {
  units: UnitRow[];
  hasNextPage: boolean;
  totalCount: number;
}

/** A page of a scope's units ordered by code (keyset pagination: stable while units are added). */
export async function listUnits(db: Db, params: ListUnitsParams): Promise<UnitPage> {
  const scoped = scopedUnits(params.scope, params.asOf);
  const after: SQL = params.afterCode === undefined ? sql`true` : sql`u.code > ${params.afterCode}`;
  const rows = await db.execute<UnitRow & { total: number }>(sql`
    /* units:page */
    select ${unitColumns}, (select count(*)::int from (${scoped}) s) as total
    from units u
    where u.id in (${scoped}) and ${after}
    order by u.code
    limit ${params.first + 1}`);
  const totalCount = rows[0]?.total ?? (await countUnits(db, scoped));
  return { units: rows.slice(0, params.first), hasNextPage: rows.length > params.first, totalCount };
}

async function countUnits(db: Db, scoped: SQL): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from (${scoped}) s`);
  return row?.n ?? 0;
}

/** Coverage of many units on one day, in one statement. */
export async function getUnitCoverages(
  db: Db,
  { unitIds, asOf }: { unitIds: readonly number[]; asOf: IsoDate },
): Promise<Map<number, CoverageFigures>> {
  const rows = await db.execute<CountsRow>(sql`
    /* coverage:units-batch */
    select k.unit_id as key, coalesce(t.persons, 0) as target, 1 as units, ${unitSums}
    from unnest(${intArray(unitIds)}) as k(unit_id)
    left join unit_totals t on t.unit_id = k.unit_id
    ${unitCountsAsOf('k.unit_id', asOf)}
    group by k.unit_id, t.persons`);
  return new Map(rows.map((row) => [Number(row.key), toFigures(row)]));
}
