import { eq } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { Db } from '../client.ts';
import { areas, offices, sector, staff, units } from '../schema/index.ts';
import { canReadArea, canReadUnit } from './reach.ts';

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

/**
 * The same scope in internal ids; every field given must hold. `reach` is what the caller may read:
 * every query of the data layer limits itself to it, whatever the other fields say.
 */
export interface Scope {
  reach: Reach;
  areaId?: number;
  officeId?: number;
  staffId?: number;
  unitId?: number;
  sector?: Sector;
}

export type ScopeProblem =
  | { kind: 'not-found'; field: keyof ScopeInput; what: string; code: string }
  | { kind: 'forbidden'; field: keyof ScopeInput; what: string; code: string }
  | { kind: 'bad-sector'; value: string };

/**
 * Maps public codes to internal ids; returns the first problem instead when a code is unknown or
 * names something outside the reach. A scope without an area is the whole reach: a district head's
 * `coverage` is their district's.
 */
export async function resolveScope(
  db: Db,
  input: ScopeInput | null | undefined,
  reach: Reach,
): Promise<Scope | ScopeProblem> {
  const scope: Scope = { reach };
  if (reach.kind === 'area' && !input?.areaId) scope.areaId = reach.areaId;
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
    if (!(await mayName(db, reach, field, row.id))) return { kind: 'forbidden', field, what, code };
    scope[field] = row.id;
  }
  if (input.sector !== undefined && input.sector !== null) {
    if (!SECTORS.includes(input.sector as Sector)) return { kind: 'bad-sector', value: input.sector };
    scope.sector = input.sector as Sector;
  }
  return scope;
}

/**
 * Whether a scope may name this id. An area must lie inside a district head's area (an area above it
 * would be only partly theirs); an office or officer may be named, and counts only the units within
 * reach. An officer names only their own units and themselves.
 */
async function mayName(db: Db, reach: Reach, field: keyof ScopeInput, id: number): Promise<boolean> {
  if (reach.kind === 'all') return true;
  switch (field) {
    case 'areaId':
      return canReadArea(db, reach, id);
    case 'unitId':
      return canReadUnit(db, reach, id);
    case 'staffId':
      return reach.kind === 'area' || reach.staffId === id;
    default:
      return reach.kind === 'area';
  }
}

export function isScopeProblem(value: Scope | ScopeProblem): value is ScopeProblem {
  return 'kind' in value;
}
