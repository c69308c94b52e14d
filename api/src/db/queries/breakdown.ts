import { type SQL, sql } from 'drizzle-orm';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import {
  COVERAGE_COUNTS,
  type Counts,
  type CoverageFigures,
  getAreaCoverages,
  getCoverage,
  scopedUnits,
  toFigures,
  unitCountsAsOf,
  unitSums,
} from './coverage.ts';
import type { Scope } from './scope.ts';

export type Dimension = 'DISTRICT' | 'COMMUNE' | 'OFFICE' | 'STAFF' | 'SECTOR' | 'UNIT';

export interface BreakdownRow {
  /** A public code, a sector, or `none` for the units the dimension does not place. */
  key: string;
  label: string;
  coverage: CoverageFigures;
}

/** Labels of the `none` row: the units that have no value on the dimension. */
const NONE_LABELS: Record<Dimension, string> = {
  DISTRICT: 'Không thuộc huyện nào',
  COMMUNE: 'Chưa rõ xã, phường',
  OFFICE: 'Không có cơ quan quản lý',
  STAFF: 'Chưa phân công',
  SECTOR: 'Không rõ khối',
  UNIT: 'Không rõ đơn vị',
};

export const SECTOR_LABELS: Record<string, string> = {
  HCSN: 'Hành chính sự nghiệp, Đảng, đoàn thể',
  DNNN: 'Doanh nghiệp nhà nước',
  FDI: 'Doanh nghiệp có vốn đầu tư nước ngoài',
  NQD: 'Doanh nghiệp ngoài quốc doanh',
  HTX: 'Hợp tác xã',
  KHAC: 'Khác',
};

/**
 * For each dimension: the key of a unit `u` (a public code), its label, and the order of the rows.
 * Every unit of the scope gets exactly one key (null becomes `none`), so the rows partition it.
 */
function dimensionKey(by: Dimension, asOf: IsoDate): { key: SQL; label: SQL; order: SQL } {
  switch (by) {
    case 'DISTRICT':
    case 'COMMUNE': {
      const area =
        by === 'DISTRICT'
          ? sql`(select a.id from area_closure c join areas a on a.id = c.ancestor_id where c.descendant_id = u.area_id and a.level = 'DISTRICT' limit 1)`
          : sql`(select a.id from areas a where a.id = u.area_id and a.level = 'COMMUNE')`;
      return {
        key: sql`(select code from areas where id = ${area})`,
        label: sql`(select name from areas where code = k.key)`,
        order: sql`k.key`,
      };
    }
    case 'OFFICE':
      return {
        key: sql`(select code from offices where id = u.office_id)`,
        label: sql`(select name from offices where code = k.key)`,
        order: sql`k.key`,
      };
    case 'STAFF':
      return {
        key: sql`(select s.code from unit_assignments a join staff s on s.id = a.staff_id
                  where a.unit_id = u.id and a.from_date <= ${asOf} order by a.from_date desc limit 1)`,
        label: sql`(select full_name from staff where code = k.key)`,
        order: sql`k.key`,
      };
    case 'SECTOR':
      return { key: sql`u.sector::text`, label: sql`k.key`, order: sql`nullif(k.key, '')::sector` };
    case 'UNIT':
      return { key: sql`u.code`, label: sql`(select name from units where code = k.key)`, order: sql`k.key` };
  }
}

/** The scope's coverage split by a dimension, in one statement; the rows add up to the scope's coverage. */
export async function getBreakdown(
  db: Db,
  { by, scope, asOf }: { by: Dimension; scope: Scope; asOf: IsoDate },
): Promise<BreakdownRow[]> {
  if ((by === 'DISTRICT' || by === 'COMMUNE') && (await isAboveLevel(db, scope, by))) {
    return getAreaBreakdown(db, by, scope.areaId, asOf);
  }
  const { key, label, order } = dimensionKey(by, asOf);
  const rows = await db.execute<Counts & Record<string, unknown> & { key: string; label: string | null }>(sql`
    /* breakdown */
    with keyed as (
      select u.id, coalesce(${key}, '') as key from units u where u.id in (${scopedUnits(scope, asOf)})
    ),
    totals as (
      select k.key, count(*)::int as units, coalesce(sum(t.persons), 0)::int as target, ${unitSums}
      from keyed k
      left join unit_totals t on t.unit_id = k.id
      ${unitCountsAsOf('k.id', asOf)}
      group by k.key
    )
    select k.*, ${label} as label from totals k
    order by k.key = '', ${order}`);
  // '' stands for "no value" inside the query (so that the join can hash); callers see `none`.
  return rows.map((row) => ({
    key: row.key === '' ? 'none' : String(row.key),
    label:
      row.key === ''
        ? NONE_LABELS[by]
        : by === 'SECTOR'
          ? (SECTOR_LABELS[String(row.key)] ?? String(row.key))
          : (row.label ?? String(row.key)),
    coverage: toFigures(row),
  }));
}

const LEVEL_ORDER = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

/** True when the scope is only an area (or nothing) lying above `level` in the hierarchy. */
async function isAboveLevel(db: Db, scope: Scope, level: 'DISTRICT' | 'COMMUNE'): Promise<boolean> {
  const { areaId, ...rest } = scope;
  if (Object.values(rest).some((v) => v !== undefined)) return false;
  if (areaId === undefined) return true;
  const [area] = await db.execute<{ level: string }>(sql`select level from areas where id = ${areaId}`);
  return LEVEL_ORDER.indexOf(area?.level ?? 'COMMUNE') < LEVEL_ORDER.indexOf(level);
}

/**
 * A district or commune breakdown of an area read from the per-area rollups, in three short
 * statements instead of a pass over every unit's days: the rows are the areas of that level inside
 * the scope that have units, and `none` is what of the scope's coverage they do not account for
 * (units placed directly in a higher area), so the rows still add up to the whole.
 */
async function getAreaBreakdown(
  db: Db,
  level: 'DISTRICT' | 'COMMUNE',
  areaId: number | undefined,
  asOf: IsoDate,
): Promise<BreakdownRow[]> {
  const inScope =
    areaId === undefined
      ? sql`true`
      : sql`a.id in (select descendant_id from area_closure where ancestor_id = ${areaId})`;
  const areas = await db.execute<{ id: number; code: string; name: string }>(sql`
    /* breakdown:areas */
    select a.id, a.code, a.name from areas a join area_totals t on t.area_id = a.id and t.units > 0
    where a.level = ${level} and ${inScope} order by a.code`);
  const byArea = await getAreaCoverages(db, { areaIds: areas.map((a) => a.id), asOf });
  const rows = areas.map((a) => ({
    key: a.code,
    label: a.name,
    coverage: byArea.get(a.id) as CoverageFigures,
  }));
  const whole = await getCoverage(db, { scope: areaId === undefined ? {} : { areaId }, asOf });
  const rest = { ...whole };
  for (const key of COVERAGE_COUNTS) rest[key] -= rows.reduce((sum, r) => sum + r.coverage[key], 0);
  rest.activationRate = rest.target === 0 ? 0 : rest.activated / rest.target;
  if (rest.units > 0) rows.push({ key: 'none', label: NONE_LABELS[level], coverage: rest });
  return rows;
}
