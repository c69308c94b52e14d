import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { blockerReason } from '../schema/index.ts';
import { getCoverage } from './coverage.ts';
import { areaOnly, type Scope, scopedAreas, scopedUnits } from './scope.ts';

export type BlockerReason = (typeof blockerReason.enumValues)[number] | 'UNKNOWN';

export interface BlockerRow {
  reason: BlockerReason;
  persons: number;
  share: number;
}

/**
 * The stuck persons of a scope on a day (not activated by then) by the reason recorded for them on or
 * before that day, read from the blocker rollups (schema/rollups.ts): per area for an area-only scope,
 * per unit otherwise, never per person. Every reason gets a row, in the enum's order, and UNKNOWN
 * takes those without one, so the rows add up to target - activated.
 */
export async function getBlockers(
  db: Db,
  { scope, asOf }: { scope: Scope; asOf: IsoDate },
): Promise<BlockerRow[]> {
  const areaId = areaOnly(scope);
  const rows = await db.execute<{ reason: BlockerReason; persons: number }>(
    areaId !== null
      ? sql`
    /* blockers:areas */
    select b.reason::text as reason, sum(b.persons)::int as persons
    from area_blocker_daily b
    where b.area_id in (${scopedAreas(scope.reach, areaId, scope.geographyId)}) and b.day <= ${asOf}
    group by b.reason`
      : sql`
    /* blockers:units */
    select b.reason::text as reason, sum(b.persons)::int as persons
    from unit_blocker_daily b
    where b.unit_id in (${scopedUnits(scope, asOf)}) and b.day <= ${asOf}
    group by b.reason`,
  );
  const { target, activated } = await getCoverage(db, { scope, asOf });
  const stuck = target - activated;
  const counted = new Map(rows.map((r) => [r.reason, r.persons]));
  const known = rows.reduce((sum, r) => sum + r.persons, 0);
  return [...blockerReason.enumValues, 'UNKNOWN' as const].map((reason) => {
    const persons = reason === 'UNKNOWN' ? stuck - known : (counted.get(reason) ?? 0);
    return { reason, persons, share: stuck === 0 ? 0 : persons / stuck };
  });
}
