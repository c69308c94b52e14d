import DataLoader from 'dataloader';
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { Db } from '../client.ts';
import { oneOfEach, rowsOfEachParent } from '../loaders.ts';
import { cachedReference } from '../reference-cache.ts';
import { areas, geographies } from '../schema/index.ts';
import { intArray } from '../sql.ts';
import { areaFiguresInReach, areaVisible } from './scope.ts';

export type AreaRow = typeof areas.$inferSelect;
export type AreaLevel = AreaRow['level'];

export interface ListAreasParams {
  /** The geography's id, or an SQL expression that gives it. */
  geographyId: number | SQL;
  level: AreaLevel;
  /** Internal id of the parent; undefined lists the level across every parent. */
  parentId?: number;
}

/** Areas of one level that the caller may see, ordered by national code (the order of the official lists). */
export async function listAreas(db: Db, params: ListAreasParams, reach: Reach): Promise<AreaRow[]> {
  const conditions = [
    sql`${areas.geographyId} = ${params.geographyId}`,
    eq(areas.level, params.level),
    areaVisible(reach, sql`${areas.id}`),
  ];
  if (params.parentId !== undefined) conditions.push(eq(areas.parentId, params.parentId));
  return db
    .select()
    .from(areas)
    .where(and(...conditions))
    .orderBy(asc(areas.code));
}

/**
 * The area of a code in a geography, and whether the caller may see it (to tell FORBIDDEN from
 * NOT_FOUND).
 */
export async function getAreaByCode(
  db: Db,
  code: string,
  reach: Reach,
  geographyId: number | SQL,
): Promise<{ area: AreaRow; visible: boolean } | undefined> {
  const [row] = await db
    .select({ area: areas, visible: sql<boolean>`${areaVisible(reach, sql`${areas.id}`)}` })
    .from(areas)
    .where(and(sql`${areas.geographyId} = ${geographyId}`, eq(areas.code, code)));
  return row;
}

/** The areas of every geography with this code that the caller may see, newest geography first. */
export async function listAreaVersions(db: Db, code: string, reach: Reach): Promise<AreaRow[]> {
  return db
    .select({ area: areas })
    .from(areas)
    .innerJoin(geographies, eq(geographies.id, areas.geographyId))
    .where(and(eq(areas.code, code), areaVisible(reach, sql`${areas.id}`)))
    .orderBy(sql`${geographies.validFrom} desc`)
    .then((rows) => rows.map((r) => r.area));
}

/** Of the given areas, those whose figures the caller may read: one statement for all of them. */
async function areasReadable(db: Db, ids: readonly number[], reach: Reach): Promise<Set<number>> {
  if (reach.kind === 'all') return new Set(ids);
  const rows = await db.execute<{ id: number }>(
    sql`select k.id from unnest(${intArray(ids)}) as k(id) where ${areaFiguresInReach(reach, sql`k.id`)}`,
  );
  return new Set(rows.map((r) => r.id));
}

export async function getAreasByIds(db: Db, ids: readonly number[]): Promise<AreaRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(areas)
    .where(inArray(areas.id, [...ids]));
}

/** Areas with no parent in a geography: its provinces. */
export async function listRootAreas(db: Db, geographyId: number): Promise<AreaRow[]> {
  return db
    .select()
    .from(areas)
    .where(and(eq(areas.geographyId, geographyId), isNull(areas.parentId)))
    .orderBy(asc(areas.code));
}

/** The ids of every geography's root areas, from memory while no data changes. */
export function rootAreaIds(db: Db): Promise<Set<number>> {
  return cachedReference(db, 'root-ids', async () => {
    const rows = await db.execute<{ id: number }>(sql`select id from areas where parent_id is null`);
    return new Set(rows.map((row) => row.id));
  });
}

/** The areas directly inside any of the given areas that the caller may see, ordered by code. */
async function getChildrenOfAreas(db: Db, parentIds: readonly number[], reach: Reach): Promise<AreaRow[]> {
  if (parentIds.length === 0) return [];
  return db
    .select()
    .from(areas)
    .where(and(inArray(areas.parentId, [...parentIds]), areaVisible(reach, sql`${areas.id}`)))
    .orderBy(asc(areas.code));
}

/**
 * Areas related through a geography's mapping, each with the area it was asked for (`of`): the old
 * areas each new one was formed from, or the new areas each old one became. Areas the caller may not
 * see are left out.
 */
async function getMappedAreas(
  db: Db,
  ids: readonly number[],
  direction: 'formedFrom' | 'became',
  reach: Reach,
): Promise<(AreaRow & { of: number })[]> {
  const [asked, found] =
    direction === 'formedFrom' ? ['new_area_id', 'old_area_id'] : ['old_area_id', 'new_area_id'];
  return db.execute<AreaRow & { of: number }>(sql`
    select a.id, a.geography_id as "geographyId", a.code, a.name, a.level, a.parent_id as "parentId", m.${sql.raw(asked)} as of
    from area_mappings m join areas a on a.id = m.${sql.raw(found)}
    where m.${sql.raw(asked)} = any(${intArray(ids)}) and ${areaVisible(reach, sql`a.id`)}
    order by m.${sql.raw(asked)}, m.is_default desc, a.code`);
}

export type AreaLoaders = ReturnType<typeof areaLoaders>;

export function areaLoaders(db: Db, reach: Reach) {
  return {
    areaById: oneOfEach(
      (ids) => getAreasByIds(db, ids),
      (area) => area.id,
    ),
    areaChildren: rowsOfEachParent(
      (ids) => getChildrenOfAreas(db, ids, reach),
      (area) => area.parentId as number,
    ),
    areaFormedFrom: rowsOfEachParent(
      (ids) => getMappedAreas(db, ids, 'formedFrom', reach),
      (area) => area.of,
    ),
    areaBecame: rowsOfEachParent(
      (ids) => getMappedAreas(db, ids, 'became', reach),
      (area) => area.of,
    ),
    /** Whether the caller may read an area's figures. */
    areaReadable: new DataLoader<number, boolean>(async (ids) => {
      const readable = await areasReadable(db, ids, reach);
      return ids.map((id) => readable.has(id));
    }),
  };
}
