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

/** For each area, the goal that applies to it: its own, or that of the nearest area above it. */
export async function getGoalsFor(db: Db, areaIds: readonly number[]): Promise<Map<number, GoalRow>> {
  const rows = await db.execute<GoalRow & { for_area: number }>(sql`
    select distinct on (c.descendant_id) c.descendant_id as for_area, g.area_id as "areaId", g.rate::float as rate, g.deadline
    from area_closure c join goals g on g.area_id = c.ancestor_id
    where c.descendant_id = any(${intArray(areaIds)})
    order by c.descendant_id, c.depth`);
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
