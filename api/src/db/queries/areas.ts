import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { areas } from '../schema/index.ts';

export type AreaRow = typeof areas.$inferSelect;
export type AreaLevel = AreaRow['level'];

export interface ListAreasParams {
  level: AreaLevel;
  /** Internal id of the parent; undefined lists the level across every parent. */
  parentId?: number;
}

/** Areas of one level, ordered by national code (the order of the official lists). */
export async function listAreas(db: Db, params: ListAreasParams): Promise<AreaRow[]> {
  const conditions = [eq(areas.level, params.level)];
  if (params.parentId !== undefined) conditions.push(eq(areas.parentId, params.parentId));
  return db
    .select()
    .from(areas)
    .where(and(...conditions))
    .orderBy(asc(areas.code));
}

export async function getAreaByCode(db: Db, code: string): Promise<AreaRow | undefined> {
  const [row] = await db.select().from(areas).where(eq(areas.code, code));
  return row;
}

export async function getAreasByIds(db: Db, ids: readonly number[]): Promise<AreaRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(areas)
    .where(inArray(areas.id, [...ids]));
}

/** Areas with no parent: the provinces of the loaded hierarchy. */
export async function listRootAreas(db: Db): Promise<AreaRow[]> {
  return db.select().from(areas).where(isNull(areas.parentId)).orderBy(asc(areas.code));
}

/** The areas directly inside each of the given areas, ordered by code: one statement for all of them. */
export async function getChildrenOfAreas(
  db: Db,
  parentIds: readonly number[],
): Promise<Map<number, AreaRow[]>> {
  const byParent = new Map<number, AreaRow[]>(parentIds.map((id) => [id, []]));
  if (parentIds.length === 0) return byParent;
  const rows = await db
    .select()
    .from(areas)
    .where(inArray(areas.parentId, [...parentIds]))
    .orderBy(asc(areas.code));
  for (const row of rows) byParent.get(row.parentId as number)?.push(row);
  return byParent;
}
