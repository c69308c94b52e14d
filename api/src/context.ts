import { type Reach, reachOf, type Viewer } from './auth/reach.ts';
import { REFUSAL_ALERT_PER_MINUTE } from './config.ts';
import type { Db } from './db/client.ts';
import { type AccountLoaders, accountLoaders } from './db/queries/accounts.ts';
import { type AreaLoaders, areaLoaders, listRootAreas } from './db/queries/areas.ts';
import { type CoverageLoaders, coverageLoaders } from './db/queries/coverage.ts';
import { type GeographyLoaders, geographyLoaders } from './db/queries/geographies.ts';
import { type GoalLoaders, goalLoaders } from './db/queries/goals.ts';
import { type OfficeLoaders, officeLoaders } from './db/queries/offices.ts';
import { type OutreachLoaders, outreachLoaders } from './db/queries/outreach.ts';
import { type PersonLoaders, personLoaders } from './db/queries/persons.ts';
import {
  type RaisedAlert,
  type RefusalLoaders,
  type RefusalOptions,
  refusalLoaders,
} from './db/queries/refusals.ts';
import { type StaffLoaders, staffLoaders } from './db/queries/staff.ts';
import { type TrendLoaders, trendLoaders } from './db/queries/trend.ts';
import { type UnitLoaders, unitLoaders } from './db/queries/units.ts';
import { cachedReference } from './db/reference-cache.ts';
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
  /** More refusals of persons' data than this within a minute raise an alert. */
  refusalAlertPerMinute: number;
  /** The hash of the browser session the request came with; null for a token (or no HTTP request). */
  sessionHash: string | null;
  /** The one root area (the province) of a geography; null when there are several or none. */
  rootAreaId: (geographyId: number) => Promise<number | null>;
  /** Called when the answer is complete and may be kept for the same question (http/response-cache.ts). */
  keepAnswer?: () => void;
}

/** Every domain's loaders, made afresh for each request so that nothing is cached across callers. */
export type Loaders = AccountLoaders &
  AreaLoaders &
  CoverageLoaders &
  GeographyLoaders &
  GoalLoaders &
  OfficeLoaders &
  OutreachLoaders &
  PersonLoaders &
  RefusalLoaders &
  StaffLoaders &
  TrendLoaders &
  UnitLoaders;

/**
 * The server's log line for an alert: one line, the account's name and the counts, nothing of the
 * persons asked for.
 */
export function warnRefusalAlert(alert: RaisedAlert & { username: string }): void {
  console.warn(
    `ALERT refusals: account "${alert.username}" was refused ${alert.refusals} times within a minute from ${alert.startedAt} (threshold: more than ${alert.threshold} a minute)`,
  );
}

export interface ContextOptions {
  /** More refusals of persons' data than this within a minute raise an alert; 20 by default. */
  refusalAlertPerMinute?: number;
  /** Told of each alert raised; prints it to the server's log by default. */
  onRefusalAlert?: RefusalOptions['onAlert'];
  /** The hash of the request's browser session, if it came with one. */
  sessionHash?: string | null;
  keepAnswer?: () => void;
}

export function createContext(
  db: Db,
  viewer: Viewer,
  now = new Date(),
  options: ContextOptions = {},
): Context {
  const roots = new Map<number, Promise<number | null>>();
  const rootAreaId = (geographyId: number) => {
    let root = roots.get(geographyId);
    if (!root) {
      root = cachedReference(db, `root:${geographyId}`, () =>
        listRootAreas(db, geographyId).then((found) => (found.length === 1 ? (found[0]?.id ?? null) : null)),
      );
      roots.set(geographyId, root);
    }
    return root;
  };
  const day = today(now);
  const reach = reachOf(viewer, day);
  const refusalAlertPerMinute = options.refusalAlertPerMinute ?? REFUSAL_ALERT_PER_MINUTE;
  const loaders: Loaders = {
    ...accountLoaders(db),
    ...areaLoaders(db, reach),
    ...geographyLoaders(db),
    ...coverageLoaders(db, reach),
    ...goalLoaders(db),
    ...officeLoaders(db),
    ...outreachLoaders(db),
    ...personLoaders(db, reach, viewer),
    ...refusalLoaders(db, viewer, {
      threshold: refusalAlertPerMinute,
      onAlert: options.onRefusalAlert ?? warnRefusalAlert,
    }),
    ...staffLoaders(db, reach),
    ...trendLoaders(db, reach),
    ...unitLoaders(db, reach, day),
  };
  return {
    db,
    viewer,
    reach,
    today: day,
    loaders,
    rootAreaId,
    refusalAlertPerMinute,
    sessionHash: options.sessionHash ?? null,
    keepAnswer: options.keepAnswer,
  };
}
