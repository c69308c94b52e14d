import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { intArray } from '../sql.ts';
import { areaFiguresInReach, areaVisible } from './scope.ts';

export interface GoalRow extends Record<string, unknown> {
  /** The area the goal was set for (the asked area or the nearest one above it). */
  areaId: number;
  rate: number;
  deadline: IsoDate;
}

/**
 * Sets (or replaces) an area's goal, if the area's figures are within reach; returns whether it did.
 */
export async function setGoal(
  db: Db,
  { areaId, rate, deadline, reach }: { areaId: number; rate: number; deadline: IsoDate; reach: Reach },
): Promise<boolean> {
  const rows = await db.execute<{ area_id: number }>(sql`
    insert into goals (area_id, rate, deadline)
    select ${areaId}, ${rate}, ${deadline} where ${areaFiguresInReach(reach, sql`${areaId}::int`)}
    on conflict (area_id) do update set rate = excluded.rate, deadline = excluded.deadline, set_at = now()
    returning area_id`);
  return rows.length > 0;
}

/** The goals of the areas the caller may see (their own and those above them). */
export async function listGoals(db: Db, reach: Reach): Promise<(GoalRow & { code: string; name: string })[]> {
  return db.execute<GoalRow & { code: string; name: string }>(sql`
    select g.area_id as "areaId", g.rate::float as rate, g.deadline, a.code, a.name
    from goals g join areas a on a.id = g.area_id
    where ${areaVisible(reach, sql`g.area_id`)}
    order by a.code`);
}

/**
 * For each area, the goal that applies to it: its own, or that of the nearest area above it; failing
 * those, the goal of its province as another map has it (the province is the same whatever the map,
 * so a goal set in 2021's map still holds in 2025's).
 */
export async function getGoalsFor(db: Db, areaIds: readonly number[]): Promise<Map<number, GoalRow>> {
  const rows = await db.execute<GoalRow & { for_area: number }>(sql`
    select distinct on (for_area) for_area, "areaId", rate, deadline from (
      select c.descendant_id as for_area, g.area_id as "areaId", g.rate::float as rate, g.deadline, c.depth as rank
      from area_closure c join goals g on g.area_id = c.ancestor_id
      where c.descendant_id = any(${intArray(areaIds)})
      union all
      select c.descendant_id, g.area_id, g.rate::float, g.deadline, 1000
      from area_closure c
      join areas r on r.id = c.ancestor_id and r.parent_id is null
      join areas o on o.parent_id is null and o.code = r.code and o.id <> r.id
      join goals g on g.area_id = o.id
      where c.descendant_id = any(${intArray(areaIds)})
    ) x
    order by for_area, rank, deadline desc`);
  return new Map(rows.map(({ for_area, ...goal }) => [for_area, goal as GoalRow]));
}

export type GoalLoaders = ReturnType<typeof goalLoaders>;

export function goalLoaders(db: Db) {
  return {
    /** The goal that applies to an area: its own or the nearest one above it. */
    goalFor: new DataLoader<number, GoalRow | null>(async (ids) => {
      const goals = await getGoalsFor(db, ids);
      return ids.map((id) => goals.get(id) ?? null);
    }),
  };
}
