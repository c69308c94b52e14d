import { type Reach, reachOf, type Viewer } from './auth/reach.ts';
import type { Db } from './db/client.ts';
import { type AccountLoaders, accountLoaders } from './db/queries/accounts.ts';
import { type AreaLoaders, areaLoaders, listRootAreas } from './db/queries/areas.ts';
import { type CoverageLoaders, coverageLoaders } from './db/queries/coverage.ts';
import { type GoalLoaders, goalLoaders } from './db/queries/goals.ts';
import { type OfficeLoaders, officeLoaders } from './db/queries/offices.ts';
import { type OutreachLoaders, outreachLoaders } from './db/queries/outreach.ts';
import { type PersonLoaders, personLoaders } from './db/queries/persons.ts';
import { type StaffLoaders, staffLoaders } from './db/queries/staff.ts';
import { type TrendLoaders, trendLoaders } from './db/queries/trend.ts';
import { type UnitLoaders, unitLoaders } from './db/queries/units.ts';
import { type IsoDate, today } from './lib/dates.ts';

/**
 * What every resolver receives: the database, the account making the request and what it may read,
 * the day "today" means, and per-request loaders (which apply the reach too).
 */
export interface Context {
  db: Db;
  viewer: Viewer;
  reach: Reach;
  today: IsoDate;
  loaders: Loaders;
  /** The one root area (the province) of the hierarchy; null when there are several or none. */
  rootAreaId: () => Promise<number | null>;
}

/** Every domain's loaders, made afresh for each request so that nothing is cached across callers. */
export type Loaders = AccountLoaders &
  AreaLoaders &
  CoverageLoaders &
  GoalLoaders &
  OfficeLoaders &
  OutreachLoaders &
  PersonLoaders &
  StaffLoaders &
  TrendLoaders &
  UnitLoaders;

export function createContext(db: Db, viewer: Viewer, now = new Date()): Context {
  let root: Promise<number | null> | undefined;
  const rootAreaId = () => {
    root ??= listRootAreas(db).then((roots) => (roots.length === 1 ? (roots[0]?.id ?? null) : null));
    return root;
  };
  const day = today(now);
  const reach = reachOf(viewer, day);
  const loaders: Loaders = {
    ...accountLoaders(db),
    ...areaLoaders(db, reach),
    ...coverageLoaders(db, reach),
    ...goalLoaders(db),
    ...officeLoaders(db),
    ...outreachLoaders(db),
    ...personLoaders(db, reach, viewer),
    ...staffLoaders(db, reach),
    ...trendLoaders(db, reach),
    ...unitLoaders(db, reach),
  };
  return { db, viewer, reach, today: day, loaders, rootAreaId };
}
