import { authorize } from '../auth/policy.ts';
import { listImports } from '../db/queries/imports.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { limitArgs } from './pagination.ts';

export const importResolvers: Resolvers = {
  Query: {
    imports: (_root, { first, offset, kind }, ctx) => {
      authorize(ctx.viewer, 'imports:read');
      return listImports(ctx.db, {
        ...limitArgs(first, offset),
        kind: kind?.toLowerCase(),
        reach: ctx.reach,
      });
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
