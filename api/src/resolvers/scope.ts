import { sql } from 'drizzle-orm';
import type { Reach } from '../auth/reach.ts';
import type { Db } from '../db/client.ts';
import { geographyHasLevel } from '../db/queries/geographies.ts';
import { isScopeProblem, resolveScope, type Scope, type ScopeInput, SECTORS } from '../db/queries/scope.ts';
import type { IsoDate } from '../lib/dates.ts';
import { BadInputError, ForbiddenError, NotFoundError } from '../lib/errors.ts';

/** The caller's scope in internal ids, within its reach, or the error that names the argument that is wrong. */
export async function requireScope(
  db: Db,
  input: ScopeInput | null | undefined,
  reach: Reach,
  day: IsoDate,
): Promise<Scope> {
  const scope = await resolveScope(db, input, reach, day);
  if (!isScopeProblem(scope)) return scope;
  if (scope.kind === 'not-found') {
    if (scope.hint)
      throw new NotFoundError(scope.what, scope.code, `scope.${scope.field}`, undefined, scope.hint);
    throw new NotFoundError(scope.what, scope.code, `scope.${scope.field}`);
  }
  if (scope.kind === 'forbidden') {
    throw new ForbiddenError(
      `${scope.what} "${scope.code}" is outside what your account may read (argument scope.${scope.field})`,
      `scope.${scope.field}`,
      undefined,
      undefined,
      { what: scope.what, id: scope.code },
    );
  }
  throw new BadInputError(
    `Unknown sector "${scope.value}"; use one of ${SECTORS.join(', ')}`,
    'scope.sector',
    { code: 'ONE_OF', args: { value: scope.value, allowed: SECTORS.join(', ') } },
  );
}

/** Refuses a DISTRICT or COMMUNE breakdown in a geography without that level (2025's has no DISTRICT). */
export async function requireLevel(db: Db, scope: Scope, by: string, argument = 'by'): Promise<void> {
  if (by !== 'DISTRICT' && by !== 'COMMUNE') return;
  if (await geographyHasLevel(db, scope.geographyId, by)) return;
  const [geography] = await db.execute<{ code: string }>(
    sql`select code from geographies where id = ${scope.geographyId}`,
  );
  throw new BadInputError(
    `Geography ${geography?.code} has no ${by} level; read ${by === 'DISTRICT' ? 'COMMUNE' : 'DISTRICT'} instead, or pass scope.geography for an older map (argument ${argument})`,
    argument,
    { code: 'NO_LEVEL', args: { geography: geography?.code ?? '', level: by } },
  );
}
