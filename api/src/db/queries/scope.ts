import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { areas, offices, sector, staff, units } from '../schema/index.ts';

export type { Sector } from '../schema/index.ts';

import type { Sector } from '../schema/index.ts';
export const SECTORS: readonly Sector[] = sector.enumValues;

/** A scope as the caller wrote it: public codes (GraphQL ids). */
export interface ScopeInput {
  areaId?: string | null;
  officeId?: string | null;
  staffId?: string | null;
  unitId?: string | null;
  sector?: string | null;
}

/** The same scope in internal ids; every field given must hold. */
export interface Scope {
  areaId?: number;
  officeId?: number;
  staffId?: number;
  unitId?: number;
  sector?: Sector;
}

export type ScopeProblem =
  | { kind: 'not-found'; field: keyof ScopeInput; what: string; code: string }
  | { kind: 'bad-sector'; value: string };

/** Maps public codes to internal ids; returns the first problem instead when a code is unknown. */
export async function resolveScope(
  db: Db,
  input: ScopeInput | null | undefined,
): Promise<Scope | ScopeProblem> {
  const scope: Scope = {};
  if (!input) return scope;
  const lookups = [
    { field: 'areaId', what: 'Area', table: areas },
    { field: 'officeId', what: 'Office', table: offices },
    { field: 'staffId', what: 'Staff', table: staff },
    { field: 'unitId', what: 'Unit', table: units },
  ] as const;
  for (const { field, what, table } of lookups) {
    const code = input[field];
    if (code === undefined || code === null) continue;
    const [row] = await db.select({ id: table.id }).from(table).where(eq(table.code, code));
    if (!row) return { kind: 'not-found', field, what, code };
    scope[field] = row.id;
  }
  if (input.sector !== undefined && input.sector !== null) {
    if (!SECTORS.includes(input.sector as Sector)) return { kind: 'bad-sector', value: input.sector };
    scope.sector = input.sector as Sector;
  }
  return scope;
}

export function isScopeProblem(value: Scope | ScopeProblem): value is ScopeProblem {
  return 'kind' in value;
}
