import { getAreaByCode, listAreas } from '../db/queries/areas.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { NotFoundError } from '../lib/errors.ts';
import { view } from './coverage-view.ts';
import { pageArgs, toConnection } from './pagination.ts';
import { checkTrendDays } from './trend.ts';
import { unitFilter } from './units.ts';

export const areaResolvers: Resolvers = {
  Query: {
    areas: async (_root, { level, parentId }, { db }) => {
      if (parentId === undefined || parentId === null) return listAreas(db, { level });
      const parent = await getAreaByCode(db, parentId);
      if (!parent) throw new NotFoundError('Area', parentId, 'parentId');
      return listAreas(db, { level, parentId: parent.id });
    },
    area: async (_root, { id }, { db }) => (await getAreaByCode(db, id)) ?? null,
  },
  Area: {
    id: (area) => area.code,
    parent: async (area, _args, { loaders }) =>
      area.parentId === null ? null : ((await loaders.areaById.load(area.parentId)) ?? null),
    children: (area, _args, { loaders }) => loaders.areaChildren.load(area.id),
    coverage: async (area, { asOf }, { loaders, today }) =>
      view(await loaders.areaCoverage.load(`${area.id}|${asOf ?? today}`), asOf ?? today, area.id),
    trend: (area, { from, to }, { loaders }) => {
      checkTrendDays(from, to);
      return loaders.areaTrend.load(`${area.id}|${from}|${to}`);
    },
    units: async (area, { filter, orderBy, asOf, first, after }, { loaders, today }) => {
      const page = pageArgs(first, after, orderBy ?? 'CODE');
      const units = await loaders.unitPages.load({
        parent: 'areaId',
        parentId: area.id,
        asOf: asOf ?? today,
        filter: unitFilter(filter),
        ...page,
      });
      return toConnection(units, page.order);
    },
  },
};
