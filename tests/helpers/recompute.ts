import { sql } from 'drizzle-orm';
import type { Db } from '../../api/src/db/client.ts';

export interface PlainCoverage {
  target: number;
  registered: number;
  approved: number;
  activated: number;
  formSigned: number;
  verified: number;
  units: number;
  unitsContacted: number;
}

/**
 * Coverage of an area straight from the base tables, with no rollup: the reference the rollups must
 * always equal. Written independently of api/src/db/rollups.ts on purpose. The area is read in a
 * geography (its code; the first when omitted), its units by their places in it.
 */
export async function coverageFromBaseTables(
  db: Db,
  areaCode: string,
  asOf: string,
  geography?: string,
): Promise<PlainCoverage> {
  const geographyId = geography
    ? sql`(select id from geographies where code = ${geography})`
    : sql`(select id from geographies order by valid_from limit 1)`;
  const [row] = await db.execute<Record<string, number>>(sql`
    with scoped_units as (
      select p.unit_id as id from unit_places p
      join area_closure c on c.descendant_id = p.area_id
      join areas a on a.id = c.ancestor_id and a.code = ${areaCode} and a.geography_id = ${geographyId}
    ),
    reached as (
      select p.id, max(s.step) as top
      from persons p join person_steps s on s.person_id = p.id
      where p.unit_id in (select id from scoped_units) and s.date <= ${asOf}
      group by p.id
    )
    select
      (select count(*)::int from persons where unit_id in (select id from scoped_units)) as target,
      (select count(*)::int from reached) as registered,
      (select count(*)::int from reached where top >= 'APPROVED') as approved,
      (select count(*)::int from reached where top >= 'ACTIVATED') as activated,
      (select count(*)::int from reached where top >= 'FORM_SIGNED') as "formSigned",
      (select count(*)::int from reached where top = 'VERIFIED') as verified,
      (select count(*)::int from scoped_units) as units,
      (select count(*)::int from unit_milestones m where m.unit_id in (select id from scoped_units)
         and m.milestone = 'LEADERSHIP_CONTACTED' and m.date <= ${asOf}) as "unitsContacted"`);
  return row as unknown as PlainCoverage;
}

/**
 * Stuck persons by reason straight from the base tables (person_blockers, person_steps), person by
 * person, for the units `unitsSql` selects: the reference the blocker rollups must equal. Only the
 * reasons with persons are listed.
 */
export async function blockersFromBaseTables(
  db: Db,
  unitsSql: ReturnType<typeof sql>,
  asOf: string,
): Promise<Record<string, number>> {
  const rows = await db.execute<{ reason: string; persons: number }>(sql`
    select b.reason::text as reason, count(*)::int as persons
    from person_blockers b join persons p on p.id = b.person_id
    where p.unit_id in (${unitsSql}) and b.recorded_on <= ${asOf}
      and not exists (select 1 from person_steps s
        where s.person_id = b.person_id and s.step >= 'ACTIVATED' and s.date <= ${asOf})
    group by b.reason order by 1`);
  return Object.fromEntries(rows.map((r) => [r.reason, r.persons]));
}

/** The rows of the rollup tables, in a fixed order: equal before and after a rebuild when kept exact. */
export async function rollupRows(db: Db): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const [table, order] of [
    ['unit_daily', 'unit_id, day'],
    ['area_daily', 'area_id, day'],
    ['unit_blocker_daily', 'unit_id, day, reason'],
    ['area_blocker_daily', 'area_id, day, reason'],
    ['unit_totals', 'unit_id'],
    ['area_totals', 'area_id'],
  ] as const) {
    rows[table] = [...(await db.execute(sql.raw(`select * from ${table} order by ${order}`)))];
  }
  return rows;
}
