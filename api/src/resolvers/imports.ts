import type { Context } from '../context.ts';
import { listImports } from '../db/queries/imports.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { ForbiddenError } from '../lib/errors.ts';
import { limitArgs } from './pagination.ts';

/** The history is about the province's data as a whole: the roles that manage it read it. */
function requireImportReader({ viewer }: Context): void {
  if (viewer.role !== 'ADMIN' && viewer.role !== 'PROVINCE' && viewer.role !== 'DISTRICT')
    throw new ForbiddenError('Only ADMIN, PROVINCE and DISTRICT accounts read the import history');
}

export const importResolvers: Resolvers = {
  Query: {
    imports: (_root, { first, offset, kind }, ctx) => {
      requireImportReader(ctx);
      return listImports(ctx.db, { ...limitArgs(first, offset), kind: kind?.toLowerCase() });
    },
  },
  Import: {
    id: (i) => String(i.id),
    kind: (i) => i.kind.toUpperCase() as never,
    startedAt: (i) => i.startedAt.toISOString(),
    finishedAt: (i) => i.finishedAt.toISOString(),
    problems: (i) => i.problems.map((p) => ({ ...p, severity: p.severity.toUpperCase() })),
  },
};
