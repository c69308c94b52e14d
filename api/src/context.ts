import DataLoader from 'dataloader';
import type { Db } from './db/client.ts';
import { type AreaRow, getAreasByIds, getChildrenOfAreas } from './db/queries/areas.ts';
import { type CoverageFigures, getAreaCoverages } from './db/queries/coverage.ts';
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
  /** Keyed by "areaId|asOf" so that one request may ask for several days. */
  areaCoverage: DataLoader<string, CoverageFigures>;
}

export function createContext(db: Db, now = new Date()): Context {
  return { db, today: today(now), loaders: createLoaders(db) };
}

function createLoaders(db: Db): Loaders {
  return {
    areaById: new DataLoader(async (ids) => {
      const rows = await getAreasByIds(db, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    }),
    areaChildren: new DataLoader(async (ids) => {
      const byParent = await getChildrenOfAreas(db, ids);
      return ids.map((id) => byParent.get(id) ?? []);
    }),
    areaCoverage: new DataLoader(async (keys) => {
      const byDay = new Map<IsoDate, number[]>();
      for (const key of keys) {
        const [id, day] = key.split('|') as [string, IsoDate];
        byDay.set(day, [...(byDay.get(day) ?? []), Number(id)]);
      }
      const results = new Map<string, CoverageFigures>();
      for (const [asOf, areaIds] of byDay) {
        const figures = await getAreaCoverages(db, { areaIds, asOf });
        for (const id of areaIds) {
          const found = figures.get(id);
          if (found) results.set(`${id}|${asOf}`, found);
        }
      }
      return keys.map((key) => results.get(key) ?? new Error(`no coverage for area ${key}`));
    }),
  };
}
