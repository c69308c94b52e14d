import { getAreaByCode, listAreas } from '../db/queries/areas.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { ForbiddenError, NotFoundError } from '../lib/errors.ts';
import { view } from './coverage-view.ts';
import { pageArgs, toConnection } from './pagination.ts';
import { checkTrendDays } from './trend.ts';
import { unitFilter } from './units.ts';

const outOfReach = (code: string) =>
  new ForbiddenError(`The figures of area "${code}" are outside what your account may read`);

export const areaResolvers: Resolvers = {
  Query: {
    areas: async (_root, { level, parentId }, { db, reach }) => {
      if (parentId === undefined || parentId === null) return listAreas(db, { level }, reach);
      const parent = await getAreaByCode(db, parentId, reach);
      if (!parent) throw new NotFoundError('Area', parentId, 'parentId');
      if (!parent.visible) throw new ForbiddenError(`Area "${parentId}" is outside your reach`, 'parentId');
      return listAreas(db, { level, parentId: parent.area.id }, reach);
    },
    area: async (_root, { id }, { db, reach }) => {
      const found = await getAreaByCode(db, id, reach);
      if (found && !found.visible) throw new ForbiddenError(`Area "${id}" is outside your reach`, 'id');
      return found?.area ?? null;
    },
  },
  Area: {
    id: (area) => area.code,
    parent: async (area, _args, { loaders }) =>
      area.parentId === null ? null : ((await loaders.areaById.load(area.parentId)) ?? null),
    children: (area, _args, { loaders }) => loaders.areaChildren.load(area.id),
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
