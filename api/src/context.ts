import DataLoader from 'dataloader';
import type { Db } from './db/client.ts';
import { type AreaRow, getAreasByIds, getChildrenOfAreas } from './db/queries/areas.ts';
import { type CoverageFigures, getAreaCoverages } from './db/queries/coverage.ts';
import { getOfficesByIds, type OfficeRow } from './db/queries/offices.ts';
import { getUnitCoverages } from './db/queries/units.ts';
import { type IsoDate, today } from './lib/dates.ts';

/** What every resolver receives: the database, the day "today" means, and per-request loaders. */
export interface Context {
  db: Db;
  today: IsoDate;
  loaders: Loaders;
}

export interface Loaders {
  areaById: DataLoader<number, AreaRow | undefined>;
  areaChildren: DataLoader<number, AreaRow[]>;
  officeById: DataLoader<number, OfficeRow | undefined>;
  /** Keyed by "areaId|asOf" so that one request may ask for several days. */
  areaCoverage: DataLoader<string, CoverageFigures>;
  /** Keyed by "unitId|asOf". */
  unitCoverage: DataLoader<string, CoverageFigures>;
}

export function createContext(db: Db, now = new Date()): Context {
  return { db, today: today(now), loaders: createLoaders(db) };
}

function byId<T extends { id: number }>(fetch: (ids: readonly number[]) => Promise<T[]>) {
  return new DataLoader<number, T | undefined>(async (ids) => {
    const rows = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id));
  });
}

/**
 * Batches "coverage of thing X on day D" into one statement per day, whatever the number of things:
 * a list of districts or units asking for their coverage costs one query, not one each.
 */
function coverageLoader(fetch: (ids: number[], asOf: IsoDate) => Promise<Map<number, CoverageFigures>>) {
  return new DataLoader<string, CoverageFigures>(async (keys) => {
    const byDay = new Map<IsoDate, number[]>();
    for (const key of keys) {
      const [id, day] = key.split('|') as [string, IsoDate];
      byDay.set(day, [...(byDay.get(day) ?? []), Number(id)]);
    }
    const results = new Map<string, CoverageFigures>();
    for (const [asOf, ids] of byDay) {
      for (const [id, figures] of await fetch(ids, asOf)) results.set(`${id}|${asOf}`, figures);
    }
    return keys.map((key) => results.get(key) ?? new Error(`no coverage for ${key}`));
  });
}

function createLoaders(db: Db): Loaders {
  return {
    areaById: byId((ids) => getAreasByIds(db, ids)),
    areaChildren: new DataLoader(async (ids) => {
      const byParent = await getChildrenOfAreas(db, ids);
      return ids.map((id) => byParent.get(id) ?? []);
    }),
    officeById: byId((ids) => getOfficesByIds(db, ids)),
    areaCoverage: coverageLoader((areaIds, asOf) => getAreaCoverages(db, { areaIds, asOf })),
    unitCoverage: coverageLoader((unitIds, asOf) => getUnitCoverages(db, { unitIds, asOf })),
  };
}
