import type { SQL } from 'drizzle-orm';
import { EVERYTHING } from '../auth/reach.ts';
import type { Context } from '../context.ts';
import type { Db } from '../db/client.ts';
import { getAreaByCode, listAreas, listAreaVersions } from '../db/queries/areas.ts';
import {
  type GeographyParent,
  geographyOnDay,
  getGeographyByCode,
  listGeographies,
} from '../db/queries/geographies.ts';
import type { Resolvers } from '../generated/graphql.ts';
import type { IsoDate } from '../lib/dates.ts';
import { ForbiddenError, NotFoundError } from '../lib/errors.ts';
import { view } from './coverage-view.ts';
import { pageArgs, toConnection } from './pagination.ts';
import { present } from './present.ts';
import { checkTrendDays } from './trend.ts';
import { unitFilter } from './units.ts';

const outOfReach = (code: string) =>
  new ForbiddenError(`The figures of area "${code}" are outside what your account may read`);

export const areaResolvers: Resolvers = {
  Query: {
    geographies: (_root, _args, { db }) => listGeographies(db),
    areaVersions: async (_root, { id }, { db, reach }) => {
      const versions = await listAreaVersions(db, id, reach);
      if (
        versions.length === 0 &&
        reach.kind !== 'all' &&
        (await listAreaVersions(db, id, EVERYTHING)).length > 0
      )
        throw new ForbiddenError(`Area "${id}" is outside your reach`, 'id', undefined, undefined, {
          what: 'area',
          id,
        });
      return versions;
    },
    areas: async (_root, { level, parentId, geography }, { db, reach, today }) => {
      const geographyId = await requireGeography(db, geography, today);
      if (parentId === undefined || parentId === null) return listAreas(db, { geographyId, level }, reach);
      const parent = await getAreaByCode(db, parentId, reach, geographyId);
      if (!parent) throw new NotFoundError('Area', parentId, 'parentId');
      if (!parent.visible)
        throw new ForbiddenError(
          `Area "${parentId}" is outside your reach`,
          'parentId',
          undefined,
          undefined,
          {
            what: 'area',
            id: parentId,
          },
        );
      return listAreas(db, { geographyId, level, parentId: parent.area.id }, reach);
    },
    area: async (_root, { id, geography }, { db, reach, today }) => {
      const found = await getAreaByCode(db, id, reach, await requireGeography(db, geography, today));
      if (found && !found.visible)
        throw new ForbiddenError(`Area "${id}" is outside your reach`, 'id', undefined, undefined, {
          what: 'area',
          id,
        });
      return found?.area ?? null;
    },
  },
  Geography: {
    id: (geography) => geography.code,
    areaCount: async (g, _args, { loaders }) => g.areaCount ?? (await holdingsOf(g, loaders)).areaCount,
    unitCount: async (g, _args, { loaders }) => g.unitCount ?? (await holdingsOf(g, loaders)).unitCount,
    levels: async (g, _args, { loaders }) => g.levels ?? (await holdingsOf(g, loaders)).levels,
  },
  Area: {
    id: (area) => area.code,
    geography: async (area, _args, { loaders }) =>
      present(await loaders.geographyById.load(area.geographyId), `geography of area ${area.code}`),
    parent: async (area, _args, { loaders }) =>
      area.parentId === null ? null : ((await loaders.areaById.load(area.parentId)) ?? null),
    children: (area, _args, { loaders }) => loaders.areaChildren.load(area.id),
    formedFrom: (area, _args, { loaders }) => loaders.areaFormedFrom.load(area.id),
    became: (area, _args, { loaders }) => loaders.areaBecame.load(area.id),
    coverage: async (area, { asOf }, { loaders, today }) => {
      if (!(await loaders.areaReadable.load(area.id))) throw outOfReach(area.code);
      return view(
        await loaders.areaCoverage.load([area.id, { asOf: asOf ?? today }]),
        asOf ?? today,
        area.id,
      );
    },
    trend: async (area, { from, to }, { loaders }) => {
      checkTrendDays(from, to);
      if (!(await loaders.areaReadable.load(area.id))) throw outOfReach(area.code);
      return loaders.areaTrend.load([area.id, { from, to }]);
    },
    units: async (area, { filter, orderBy, asOf, first, after }, { loaders, today }) => {
      const page = pageArgs(first, after, orderBy ?? 'CODE');
      if (!(await loaders.areaReadable.load(area.id))) throw outOfReach(area.code);
      const units = await loaders.unitPages.load([
        area.id,
        { parent: 'areaId', asOf: asOf ?? today, filter: unitFilter(filter), ...page },
      ]);
      return toConnection(units, page.order);
    },
  },
};

/** What a geography holds, for one that was read without it (an area's geography). */
async function holdingsOf(geography: GeographyParent, loaders: Context['loaders']) {
  return present(
    await loaders.geographyHoldings.load(geography.id),
    `holdings of geography ${geography.code}`,
  );
}

/**
 * The id of the geography asked for (its code), NOT_FOUND when unknown; or, when none is asked for,
 * the one in force on `day` as an SQL expression, which costs the read no statement of its own.
 */
export async function requireGeography(
  db: Db,
  code: string | null | undefined,
  day: IsoDate,
  argument = 'geography',
): Promise<number | SQL> {
  if (code === null || code === undefined) return geographyOnDay(day);
  const found = await getGeographyByCode(db, code);
  if (!found) throw new NotFoundError('Geography', code, argument);
  return found.id;
}
