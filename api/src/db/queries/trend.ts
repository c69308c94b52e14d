import { type SQL, sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { byArguments } from '../loaders.ts';
import { intArray } from '../sql.ts';
import {
  areaFiguresInReach,
  areaOnly,
  type Scope,
  STEP_COLUMNS,
  scopedAreas,
  scopedUnits,
  unitsInReach,
} from './scope.ts';

export interface TrendPoint {
  date: IsoDate;
  registered: number;
  approved: number;
  activated: number;
  formSigned: number;
  verified: number;
}

/**
 * One cumulative point a day from `from` to `to`: what was reached before `from`, plus a running sum
 * of each day's first arrivals. A scope that is only an area reads the per-area rollup; any other
 * filter the per-unit rollup of the units it selects on `to` (an officer's units on the last day).
 */
export async function getTrend(
  db: Db,
  { scope, from, to }: { scope: Scope; from: IsoDate; to: IsoDate },
): Promise<TrendPoint[]> {
  const areaId = areaOnly(scope);
  const source =
    areaId !== null
      ? sql`select 0 as key, d.* from area_daily d where d.area_id in (${scopedAreas(scope.reach, areaId, scope.geographyId)})`
      : sql`select 0 as key, d.* from unit_daily d where d.unit_id in (${scopedUnits(scope, to)})`;
  return (await trends(db, sql`select 0 as key`, source, from, to)).get(0) ?? [];
}

/**
 * The trends of many areas or units at once, in one statement whatever their number: what a query
 * for every district's trend needs.
 */
export function getTrends(
  db: Db,
  params: { of: 'area' | 'unit'; ids: readonly number[]; from: IsoDate; to: IsoDate; reach: Reach },
): Promise<Map<number, TrendPoint[]>> {
  const { of, ids, from, to, reach } = params;
  // Ids outside the reach get no trend at all.
  const keys =
    of === 'area'
      ? sql`select k.key from unnest(${intArray(ids)}) as k(key) where ${areaFiguresInReach(reach, sql`k.key`)}`
      : sql`select u.id as key from units u where u.id = any(${intArray(ids)}) and ${unitsInReach(reach)}`;
  const source =
    of === 'area'
      ? sql`select d.area_id as key, d.* from area_daily d where d.area_id in (${keys})`
      : sql`select d.unit_id as key, d.* from unit_daily d where d.unit_id in (${keys})`;
  return trends(db, keys, source, from, to);
}

/** The trend of each key, from `source`: daily rollup rows, each tagged with the key it counts for. */
async function trends(
  db: Db,
  keys: SQL,
  source: SQL,
  from: IsoDate,
  to: IsoDate,
): Promise<Map<number, TrendPoint[]>> {
  const rows = await db.execute<Record<string, unknown> & { key: number }>(sql`
    /* trend */
    with source as (${source}),
    start as (
      select k.key, ${sql.raw(STEP_COLUMNS.map((s) => `coalesce(sum(s.${s}), 0)::int as ${s}`).join(', '))}
      from (${keys}) k left join source s on s.key = k.key and s.day < ${from}
      group by k.key
    ),
    days as (select generate_series(${from}::date, ${to}::date, interval '1 day')::date as day),
    arrivals as (
      select key, day, ${sql.raw(STEP_COLUMNS.map((s) => `sum(${s})::int as ${s}`).join(', '))}
      from source where day between ${from} and ${to} group by key, day
    )
    select start.key, to_char(days.day, 'YYYY-MM-DD') as date,
      ${sql.raw(
        STEP_COLUMNS.map(
          (s) =>
            `(start.${s} + sum(coalesce(arrivals.${s}, 0)) over (partition by start.key order by days.day))::int as "${s}"`,
        ).join(', '),
      )}
    from start cross join days left join arrivals on arrivals.key = start.key and arrivals.day = days.day
    order by start.key, days.day`);
  const byKey = new Map<number, TrendPoint[]>();
  for (const r of rows) {
    const points = byKey.get(r.key) ?? [];
    points.push({
      date: r.date as string,
      registered: r.registered as number,
      approved: r.approved as number,
      activated: r.activated as number,
      formSigned: r.form_signed as number,
      verified: r.verified as number,
    });
    byKey.set(r.key, points);
  }
  return byKey;
}

/** A trend's period: the first and last day of its points. */
export interface TrendPeriod {
  from: IsoDate;
  to: IsoDate;
}

export type TrendLoaders = ReturnType<typeof trendLoaders>;

/** The trends of areas and units over a period: one statement per period whatever their number. */
export function trendLoaders(db: Db, reach: Reach) {
  return {
    areaTrend: byArguments<TrendPeriod, TrendPoint[]>(
      (ids, { from, to }) => getTrends(db, { of: 'area', ids, from, to, reach }),
      () => [],
    ),
    unitTrend: byArguments<TrendPeriod, TrendPoint[]>(
      (ids, { from, to }) => getTrends(db, { of: 'unit', ids, from, to, reach }),
      () => [],
    ),
  };
}
