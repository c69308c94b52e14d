import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { scopedUnits } from './coverage.ts';
import type { Scope } from './scope.ts';

export interface TrendPoint {
  date: IsoDate;
  registered: number;
  approved: number;
  activated: number;
  formSigned: number;
  verified: number;
}

const STEPS = ['registered', 'approved', 'activated', 'form_signed', 'verified'] as const;

/**
 * One cumulative point a day from `from` to `to`: what was reached before `from`, plus a running sum
 * of each day's first arrivals. A scope that is only an area reads the per-area rollup; any other
 * filter the per-unit rollup of the units it selects on `to` (an officer's units on the last day).
 */
export async function getTrend(
  db: Db,
  { scope, from, to }: { scope: Scope; from: IsoDate; to: IsoDate },
): Promise<TrendPoint[]> {
  const { areaId, ...rest } = scope;
  const areaOnly = Object.values(rest).every((v) => v === undefined);
  const source = areaOnly
    ? sql`select d.* from area_daily d where d.area_id in (${
        areaId === undefined ? sql`select id from areas where parent_id is null` : sql`select ${areaId}::int`
      })`
    : sql`select d.* from unit_daily d where d.unit_id in (${scopedUnits(scope, to)})`;
  const rows = await db.execute<Record<string, unknown>>(sql`
    /* trend */
    with source as (${source}),
    start as (
      select ${sql.raw(STEPS.map((s) => `coalesce(sum(${s}), 0)::int as ${s}`).join(', '))}
      from source where day < ${from}
    ),
    days as (select generate_series(${from}::date, ${to}::date, interval '1 day')::date as day),
    arrivals as (
      select day, ${sql.raw(STEPS.map((s) => `sum(${s})::int as ${s}`).join(', '))}
      from source where day between ${from} and ${to} group by day
    )
    select to_char(days.day, 'YYYY-MM-DD') as date,
      ${sql.raw(
        STEPS.map(
          (s) => `(start.${s} + sum(coalesce(arrivals.${s}, 0)) over (order by days.day))::int as "${s}"`,
        ).join(', '),
      )}
    from days cross join start left join arrivals on arrivals.day = days.day
    order by days.day`);
  return rows.map((r) => ({
    date: r.date as string,
    registered: r.registered as number,
    approved: r.approved as number,
    activated: r.activated as number,
    formSigned: r.form_signed as number,
    verified: r.verified as number,
  }));
}
