import { type SQL, sql } from 'drizzle-orm';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { oneOfEach } from '../loaders.ts';
import { cachedReference } from '../reference-cache.ts';
import type { Tx } from '../rollups.ts';
import { intArray } from '../sql.ts';

/*
 * Geographies: the versions of the administrative map. One is in force on a day: the latest whose
 * valid_from is on or before it (the first one for any day before them all).
 */

/** A geography as every read that names one resolves it: cheap, no counts. */
export interface GeographyRef extends Record<string, unknown> {
  id: number;
  code: string;
  name: string;
  validFrom: IsoDate;
  /** The day before the next geography takes effect; null for the one in force now and after. */
  validUntil: IsoDate | null;
}

/** What a geography holds: its areas, the units it places, its levels from the top. */
export interface GeographyHoldings extends Record<string, unknown> {
  areaCount: number;
  unitCount: number;
  levels: ('PROVINCE' | 'DISTRICT' | 'COMMUNE')[];
}

/** A geography as the API lists it, with what it holds. */
export interface GeographyRow extends GeographyRef, GeographyHoldings {}

/** A geography as a resolver receives it: what it holds when the list read it, else asked for. */
export type GeographyParent = GeographyRef & Partial<GeographyHoldings>;

const refColumns = sql`g.id, g.code, g.name, g.valid_from::text as "validFrom",
  (select (min(n.valid_from) - 1)::text from geographies n where n.valid_from > g.valid_from) as "validUntil"`;

/** What a geography holds; counted, so only where it is asked for (the list, not an area's geography). */
const holdingColumns = sql`  (select count(*)::int from areas a where a.geography_id = g.id) as "areaCount",
  (select count(*)::int from unit_places p where p.geography_id = g.id) as "unitCount",
  array(select distinct a.level from areas a where a.geography_id = g.id order by a.level)::text[] as levels`;

const columns = sql`${refColumns}, ${holdingColumns}`;

/** Every geography, oldest first, without what each holds: what a check of codes and days needs. */
export async function listGeographyRefs(db: Tx): Promise<GeographyRef[]> {
  return db.execute<GeographyRef>(sql`select ${refColumns} from geographies g order by g.valid_from`);
}

/** Every geography, oldest first, with what each holds. */
export async function listGeographies(db: Tx): Promise<GeographyRow[]> {
  return db.execute<GeographyRow>(sql`select ${columns} from geographies g order by g.valid_from`);
}

export function getGeographyByCode(db: Tx, code: string): Promise<GeographyRef | null> {
  return cachedReference(db as Db, `geography:${code}`, async () => {
    const [row] = await db.execute<GeographyRef>(
      sql`select ${refColumns} from geographies g where g.code = ${code}`,
    );
    return row ?? null;
  });
}

export async function getGeographiesByIds(db: Db, ids: readonly number[]): Promise<GeographyRef[]> {
  return db.execute<GeographyRef>(
    sql`select ${refColumns} from geographies g where g.id = any(${intArray(ids)})`,
  );
}

async function getHoldings(db: Db, ids: readonly number[]): Promise<(GeographyHoldings & { id: number })[]> {
  return db.execute<GeographyHoldings & { id: number }>(
    sql`select g.id, ${holdingColumns} from geographies g where g.id = any(${intArray(ids)})`,
  );
}

export type GeographyLoaders = ReturnType<typeof geographyLoaders>;

export function geographyLoaders(db: Db) {
  return {
    geographyById: oneOfEach(
      (ids) => getGeographiesByIds(db, ids),
      (geography) => geography.id,
    ),
    geographyHoldings: oneOfEach(
      (ids) => getHoldings(db, ids),
      (holdings) => holdings.id,
    ),
  };
}

/** The id of the geography in force on a day, as an SQL expression. */
export function geographyOnDay(day: IsoDate): SQL {
  return sql`(select g.id from geographies g
    order by (g.valid_from <= ${day}::date) desc, case when g.valid_from <= ${day}::date then g.valid_from end desc nulls last, g.valid_from
    limit 1)`;
}

/** Whether a geography has areas of a level (2025's has no DISTRICT). */
export function geographyHasLevel(db: Tx, geographyId: number, level: string): Promise<boolean> {
  return cachedReference(db as Db, `level:${geographyId}:${level}`, async () => {
    const [row] = await db.execute<{ ok: boolean }>(
      sql`select exists (select 1 from areas where geography_id = ${geographyId} and level = ${level}::area_level) as ok`,
    );
    return row?.ok === true;
  });
}

/** The geography in force on a day. */
export function geographyOn(db: Tx, day: IsoDate): Promise<GeographyRef> {
  return cachedReference(db as Db, `geography-on:${day}`, async () => {
    const [row] = await db.execute<GeographyRef>(
      sql`select ${refColumns} from geographies g where g.id = ${geographyOnDay(day)}`,
    );
    if (!row) throw new Error('The database has no geography: its migrations have not run');
    return row;
  });
}

/**
 * A geography by its public code, or the one in force on `day` when none is given; null when the code
 * names none.
 */
export async function chooseGeography(
  db: Tx,
  code: string | null | undefined,
  day: IsoDate,
): Promise<GeographyRef | null> {
  return code === null || code === undefined ? geographyOn(db, day) : getGeographyByCode(db, code);
}
