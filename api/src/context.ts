import DataLoader from 'dataloader';
import { type Reach, reachOf, type Viewer } from './auth/reach.ts';
import type { Db } from './db/client.ts';
import { getTokensOfUsers, type TokenRow } from './db/queries/accounts.ts';
import {
  type AreaRow,
  areasReadable,
  getAreasByIds,
  getChildrenOfAreas,
  listRootAreas,
} from './db/queries/areas.ts';
import {
  type CoverageFigures,
  getAreaCoverages,
  getOfficeCoverages,
  getStaffCoverages,
} from './db/queries/coverage.ts';
import { type GoalRow, getGoalsFor } from './db/queries/goals.ts';
import { getOfficesByIds, type OfficeRow } from './db/queries/offices.ts';
import {
  getMilestonesOfUnits,
  getTrainingsOfUnits,
  type MilestoneRow,
  type TrainingRow,
} from './db/queries/outreach.ts';
import {
  type AccessEntry,
  getStepsOfPersons,
  listPersonPages,
  logPersonAccess,
  type PersonFilter,
  type PersonPage,
  type PersonStepRow,
} from './db/queries/persons.ts';
import {
  type AssignmentRow,
  getAssignmentsOfUnits,
  getOfficersOn,
  getStaffByIds,
  getStaffOfOffices,
  type StaffRow,
} from './db/queries/staff.ts';
import { getTrends, type TrendPoint } from './db/queries/trend.ts';
import {
  getUnitCoverages,
  getUnitsByIds,
  type ListUnitPagesParams,
  listUnitPages,
  type UnitPage,
  type UnitRow,
} from './db/queries/units.ts';
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

export interface Loaders {
  areaById: DataLoader<number, AreaRow | undefined>;
  areaChildren: DataLoader<number, AreaRow[]>;
  officeById: DataLoader<number, OfficeRow | undefined>;
  /** Keyed by "areaId|asOf" so that one request may ask for several days. */
  areaCoverage: DataLoader<string, CoverageFigures>;
  /** Keyed by "unitId|asOf". */
  unitCoverage: DataLoader<string, CoverageFigures>;
  officeCoverage: DataLoader<string, CoverageFigures>;
  staffCoverage: DataLoader<string, CoverageFigures>;
  staffById: DataLoader<number, StaffRow | undefined>;
  staffOfOffice: DataLoader<number, StaffRow[]>;
  unitAssignments: DataLoader<number, AssignmentRow[]>;
  unitMilestones: DataLoader<number, MilestoneRow[]>;
  unitTrainings: DataLoader<number, TrainingRow[]>;
  /** Keyed by "unitId|asOf": the officer in charge that day, null when none. */
  unitOfficer: DataLoader<string, number | null>;
  /** The goal that applies to an area: its own or the nearest one above it. */
  goalFor: DataLoader<number, GoalRow | null>;
  /** Whether the caller may read an area's figures. */
  areaReadable: DataLoader<number, boolean>;
  /** Keyed by "areaId|from|to". */
  areaTrend: DataLoader<string, TrendPoint[]>;
  /** Keyed by "unitId|from|to". */
  unitTrend: DataLoader<string, TrendPoint[]>;
  accountTokens: DataLoader<number, TokenRow[]>;
  unitById: DataLoader<number, UnitRow | undefined>;
  /** A page of a unit's persons; the units of a list asking for the same page share one statement. */
  unitPersons: DataLoader<PersonPageKey, PersonPage, string>;
  personSteps: DataLoader<number, PersonStepRow[]>;
  /** Writes the reads of persons' data of one tick to the access log in one statement. */
  accessLog: DataLoader<AccessEntry, true>;
  /** A page of an area's or an officer's units; siblings asking for the same page share one statement. */
  unitPages: DataLoader<UnitPageKey, UnitPage, string>;
}

export interface PersonPageKey {
  unitId: number;
  asOf: IsoDate;
  filter: PersonFilter;
  first: number;
  offset: number;
}

export interface UnitPageKey extends Omit<ListUnitPagesParams, 'parentIds' | 'reach'> {
  parentId: number;
}

export function createContext(db: Db, viewer: Viewer, now = new Date()): Context {
  let root: Promise<number | null> | undefined;
  const rootAreaId = () => {
    root ??= listRootAreas(db).then((roots) => (roots.length === 1 ? (roots[0]?.id ?? null) : null));
    return root;
  };
  const day = today(now);
  const reach = reachOf(viewer, day);
  return { db, viewer, reach, today: day, loaders: createLoaders(db, reach, viewer), rootAreaId };
}

function byId<T extends { id: number }>(fetch: (ids: readonly number[]) => Promise<T[]>) {
  return new DataLoader<number, T | undefined>(async (ids) => {
    const rows = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id));
  });
}

/** Batches "the list of X of each parent" into one statement. */
function listsByParent<T>(fetch: (ids: readonly number[]) => Promise<Map<number, T[]>>) {
  return new DataLoader<number, T[]>(async (ids) => {
    const lists = await fetch(ids);
    return ids.map((id) => lists.get(id) ?? []);
  });
}

/** Splits "id|from|to" keys by period, so each period costs one statement whatever the number of ids. */
function byPeriod<V>(
  fetch: (ids: number[], from: IsoDate, to: IsoDate) => Promise<Map<number, V>>,
  empty: V,
) {
  return new DataLoader<string, V>(async (keys) => {
    const periods = new Map<string, number[]>();
    for (const key of keys) {
      const [id, from, to] = key.split('|') as [string, IsoDate, IsoDate];
      periods.set(`${from}|${to}`, [...(periods.get(`${from}|${to}`) ?? []), Number(id)]);
    }
    const results = new Map<string, V>();
    for (const [period, ids] of periods) {
      const [from, to] = period.split('|') as [IsoDate, IsoDate];
      for (const [id, value] of await fetch(ids, from, to)) results.set(`${id}|${period}`, value);
    }
    return keys.map((key) => results.get(key) ?? empty);
  });
}

/** Splits "id|day" keys by day, so each day costs one statement whatever the number of ids. */
function byDay<V>(
  fetch: (ids: number[], asOf: IsoDate) => Promise<Map<number, V>>,
  missing: (key: string) => V | Error,
) {
  return new DataLoader<string, V>(async (keys) => {
    const days = new Map<IsoDate, number[]>();
    for (const key of keys) {
      const [id, day] = key.split('|') as [string, IsoDate];
      days.set(day, [...(days.get(day) ?? []), Number(id)]);
    }
    const results = new Map<string, V>();
    for (const [asOf, ids] of days) {
      for (const [id, value] of await fetch(ids, asOf)) results.set(`${id}|${asOf}`, value);
    }
    return keys.map((key) => (results.has(key) ? (results.get(key) as V) : missing(key)));
  });
}

function createLoaders(db: Db, reach: Reach, viewer: Viewer): Loaders {
  return {
    areaById: byId((ids) => getAreasByIds(db, ids)),
    areaChildren: listsByParent((ids) => getChildrenOfAreas(db, ids, reach)),
    officeById: byId((ids) => getOfficesByIds(db, ids)),
    areaCoverage: byDay((areaIds, asOf) => getAreaCoverages(db, { areaIds, asOf, reach }), noCoverage),
    unitCoverage: byDay((unitIds, asOf) => getUnitCoverages(db, { unitIds, asOf, reach }), noCoverage),
    officeCoverage: byDay(
      (officeIds, asOf) => getOfficeCoverages(db, { officeIds, asOf, reach }),
      noCoverage,
    ),
    staffCoverage: byDay((staffIds, asOf) => getStaffCoverages(db, { staffIds, asOf, reach }), noCoverage),
    staffById: byId((ids) => getStaffByIds(db, ids)),
    staffOfOffice: listsByParent((ids) => getStaffOfOffices(db, ids)),
    unitAssignments: listsByParent((ids) => getAssignmentsOfUnits(db, ids)),
    unitMilestones: listsByParent((ids) => getMilestonesOfUnits(db, ids)),
    unitTrainings: listsByParent((ids) => getTrainingsOfUnits(db, ids)),
    unitOfficer: byDay(
      (unitIds, asOf) => getOfficersOn(db, unitIds, asOf),
      () => null,
    ),
    goalFor: new DataLoader(async (ids) => {
      const goals = await getGoalsFor(db, ids);
      return ids.map((id) => goals.get(id) ?? null);
    }),
    accountTokens: listsByParent((ids) => getTokensOfUsers(db, ids)),
    unitById: byId((ids) => getUnitsByIds(db, ids, reach)),
    unitPersons: new DataLoader(
      async (keys) => {
        const groups = new Map<string, PersonPageKey[]>();
        for (const key of keys) {
          const { unitId: _, ...page } = key;
          const group = JSON.stringify(page);
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const results = new Map<PersonPageKey, PersonPage>();
        for (const group of groups.values()) {
          const { unitId: _, ...page } = group[0] as PersonPageKey;
          const pages = await listPersonPages(db, { ...page, reach, unitIds: group.map((k) => k.unitId) });
          for (const key of group) {
            results.set(
              key,
              pages.get(key.unitId) ?? {
                persons: [],
                hasNextPage: false,
                totalCount: 0,
                offset: page.offset,
              },
            );
          }
        }
        return keys.map((key) => results.get(key) as PersonPage);
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
    personSteps: listsByParent((ids) => getStepsOfPersons(db, ids)),
    accessLog: new DataLoader(
      async (entries) => {
        await logPersonAccess(db, viewer, entries);
        return entries.map(() => true as const);
      },
      { cache: false },
    ),
    areaReadable: new DataLoader(async (ids) => {
      const readable = await areasReadable(db, ids, reach);
      return ids.map((id) => readable.has(id));
    }),
    areaTrend: byPeriod((ids, from, to) => getTrends(db, { of: 'area', ids, from, to, reach }), []),
    unitTrend: byPeriod((ids, from, to) => getTrends(db, { of: 'unit', ids, from, to, reach }), []),
    unitPages: new DataLoader(
      async (keys) => {
        // Parents asking with the same arguments (the usual case: one field of a list) share a statement.
        const groups = new Map<string, UnitPageKey[]>();
        for (const key of keys) {
          const { parentId: _, ...page } = key;
          const group = JSON.stringify(page);
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const results = new Map<UnitPageKey, UnitPage>();
        for (const group of groups.values()) {
          const { parentId: _, ...page } = group[0] as UnitPageKey;
          const pages = await listUnitPages(db, {
            ...page,
            reach,
            parentIds: group.map((key) => key.parentId),
          });
          for (const key of group) results.set(key, pages.get(key.parentId) as UnitPage);
        }
        return keys.map((key) => results.get(key) as UnitPage);
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
  };
}

const noCoverage = (key: string) => new Error(`no coverage for ${key}`);
