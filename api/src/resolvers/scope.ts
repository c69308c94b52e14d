import type { Db } from '../db/client.ts';
import { isScopeProblem, resolveScope, type Scope, type ScopeInput, SECTORS } from '../db/queries/scope.ts';
import { BadInputError, NotFoundError } from '../lib/errors.ts';

/** The caller's scope in internal ids, or the error that names the argument that is wrong. */
export async function requireScope(db: Db, input: ScopeInput | null | undefined): Promise<Scope> {
  const scope = await resolveScope(db, input);
  if (!isScopeProblem(scope)) return scope;
  if (scope.kind === 'not-found') throw new NotFoundError(scope.what, scope.code, `scope.${scope.field}`);
  throw new BadInputError(
    `Unknown sector "${scope.value}"; use one of ${SECTORS.join(', ')}`,
    'scope.sector',
  );
}
