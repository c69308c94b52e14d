import { getUnitByCode, listUnits } from '../db/queries/units.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { BadInputError } from '../lib/errors.ts';
import { requireScope } from './scope.ts';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

/** Cursors are opaque to clients: the base64url of the last unit code of the page. */
const encodeCursor = (code: string) => Buffer.from(`unit:${code}`).toString('base64url');

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  if (!decoded.startsWith('unit:') || encodeCursor(decoded.slice(5)) !== cursor) {
    throw new BadInputError(`"${cursor}" is not a cursor this API gave out`, 'after');
  }
  return decoded.slice(5);
}

export const unitResolvers: Resolvers = {
  Query: {
    unit: async (_root, { id }, { db }) => (await getUnitByCode(db, id)) ?? null,
    units: async (_root, { scope, first, after }, { db, today }) => {
      const size = first ?? DEFAULT_PAGE;
      if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
        throw new BadInputError(`"first" must be 1 to ${MAX_PAGE}; got ${size}`, 'first');
      }
      const page = await listUnits(db, {
        scope: await requireScope(db, scope),
        asOf: today,
        first: size,
        afterCode: after ? decodeCursor(after) : undefined,
      });
      const edges = page.units.map((node) => ({ cursor: encodeCursor(node.code), node }));
      return {
        edges,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: page.totalCount,
      };
    },
  },
  Unit: {
    id: (unit) => unit.code,
    district: async (unit, _args, { loaders }) =>
      unit.districtId === null ? null : ((await loaders.areaById.load(unit.districtId)) ?? null),
    commune: async (unit, _args, { loaders }) =>
      unit.communeId === null ? null : ((await loaders.areaById.load(unit.communeId)) ?? null),
    office: async (unit, _args, { loaders }) => {
      const office = await loaders.officeById.load(unit.officeId);
      if (!office) throw new Error(`office ${unit.officeId} of unit ${unit.code} is missing`);
      return office;
    },
    coverage: (unit, { asOf }, { loaders, today }) =>
      loaders.unitCoverage.load(`${unit.id}|${asOf ?? today}`),
  },
  Office: {
    id: (office) => office.code,
    area: async (office, _args, { loaders }) => {
      const area = await loaders.areaById.load(office.areaId);
      if (!area) throw new Error(`area ${office.areaId} of office ${office.code} is missing`);
      return area;
    },
  },
};
