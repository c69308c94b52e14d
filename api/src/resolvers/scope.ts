import type { Reach } from '../auth/reach.ts';
import type { Db } from '../db/client.ts';
import { isScopeProblem, resolveScope, type Scope, type ScopeInput, SECTORS } from '../db/queries/scope.ts';
import { BadInputError, ForbiddenError, NotFoundError } from '../lib/errors.ts';

/** The caller's scope in internal ids, within its reach, or the error that names the argument that is wrong. */
export async function requireScope(
  db: Db,
  input: ScopeInput | null | undefined,
  reach: Reach,
): Promise<Scope> {
  const scope = await resolveScope(db, input, reach);
  if (!isScopeProblem(scope)) return scope;
  if (scope.kind === 'not-found') throw new NotFoundError(scope.what, scope.code, `scope.${scope.field}`);
  if (scope.kind === 'forbidden') {
    throw new ForbiddenError(
      `${scope.what} "${scope.code}" is outside what your account may read (argument scope.${scope.field})`,
      `scope.${scope.field}`,
    );
  }
  throw new BadInputError(
    `Unknown sector "${scope.value}"; use one of ${SECTORS.join(', ')}`,
    'scope.sector',
  );
}
