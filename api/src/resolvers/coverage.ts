import { getCoverage } from '../db/queries/coverage.ts';
import { isScopeProblem, resolveScope, SECTORS } from '../db/queries/scope.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { BadInputError, NotFoundError } from '../lib/errors.ts';

export const coverageResolvers: Resolvers = {
  Query: {
    coverage: async (_root, { scope: input, asOf }, { db, today }) => {
      const scope = await resolveScope(db, input);
      if (isScopeProblem(scope)) {
        if (scope.kind === 'not-found')
          throw new NotFoundError(scope.what, scope.code, `scope.${scope.field}`);
        throw new BadInputError(
          `Unknown sector "${scope.value}"; use one of ${SECTORS.join(', ')}`,
          'scope.sector',
        );
      }
      return getCoverage(db, { scope, asOf: asOf ?? today });
    },
  },
};
