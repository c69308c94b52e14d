import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { oneOfEach } from '../loaders.ts';
import { offices } from '../schema/index.ts';

export type OfficeRow = typeof offices.$inferSelect;

export async function getOfficesByIds(db: Db, ids: readonly number[]): Promise<OfficeRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(offices)
    .where(inArray(offices.id, [...ids]));
}

export async function getOfficeByCode(db: Db, code: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.code, code));
  return row;
}

export async function listOffices(db: Db): Promise<OfficeRow[]> {
  return db.select().from(offices).orderBy(asc(offices.code));
}

export type OfficeLoaders = ReturnType<typeof officeLoaders>;

export function officeLoaders(db: Db) {
  return {
    officeById: oneOfEach(
      (ids) => getOfficesByIds(db, ids),
      (office) => office.id,
    ),
  };
}
