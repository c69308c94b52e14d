import { type SQL, sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { Db } from '../client.ts';

/*
 * The caller's reach as SQL. Every query over units adds `unitsInReach` to its conditions (see
 * unitConditions), so a figure can only ever count units the caller may see, whatever the resolver
 * above asked; the checks below decide between an answer and FORBIDDEN for ids the caller names.
 */

/** The condition on `units u` that keeps the units within reach. */
export function unitsInReach(reach: Reach): SQL {
  switch (reach.kind) {
    case 'all':
      return sql`true`;
    case 'area':
      return sql`u.area_id in (select descendant_id from area_closure where ancestor_id = ${reach.areaId})`;
    case 'officer':
      return sql`${reach.staffId} = (select a.staff_id from unit_assignments a
        where a.unit_id = u.id and a.from_date <= ${reach.today} order by a.from_date desc limit 1)`;
  }
}

/**
 * The condition on an area id (an SQL expression) that its figures are within reach: everything for
 * `all`, the areas inside the reach for `area`; none for an officer, whose reach is units, not areas.
 */
export function areaFiguresInReach(reach: Reach, areaId: SQL): SQL {
  switch (reach.kind) {
    case 'all':
      return sql`true`;
    case 'area':
      return sql`${areaId} in (select descendant_id from area_closure where ancestor_id = ${reach.areaId})`;
    case 'officer':
      return sql`false`;
  }
}

/**
 * The condition on an area id that the area may be named to the caller: the areas whose figures it
 * may read, and the areas above them (the path from the province, for breadcrumbs). For an officer,
 * the areas of their units and the areas above those.
 */
export function areaVisible(reach: Reach, areaId: SQL): SQL {
  switch (reach.kind) {
    case 'all':
      return sql`true`;
    case 'area':
      return sql`(${areaFiguresInReach(reach, areaId)} or ${areaId} in (select ancestor_id from area_closure where descendant_id = ${reach.areaId}))`;
    case 'officer':
      return sql`${areaId} in (select c.ancestor_id from area_closure c join units u on u.area_id = c.descendant_id where ${unitsInReach(reach)})`;
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

/** Whether this unit is within reach. */
export async function canReadUnit(db: Db, reach: Reach, unitId: number): Promise<boolean> {
  if (reach.kind === 'all') return true;
  const [row] = await db.execute<{ ok: boolean }>(
    sql`select exists (select 1 from units u where u.id = ${unitId} and ${unitsInReach(reach)}) as ok`,
  );
  return row?.ok === true;
}
