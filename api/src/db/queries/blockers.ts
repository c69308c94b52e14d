import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../lib/dates.ts';
import { type Db, GENERIC_PLAN } from '../client.ts';
import { blockerReason } from '../schema/index.ts';
import { getCoverage, unitCountsAsOf } from './coverage.ts';
import { areaOnly, isProvinceWide, type Scope, scopedAreas, scopedUnits } from './scope.ts';

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
  let rows: { reason: BlockerReason; persons: number }[];
  /** Persons not yet activated: what the rows add up to. */
  let stuck: number;
  if (areaId !== null) {
    rows = await db.execute<{ reason: BlockerReason; persons: number }>(sql`
      /* blockers:areas */ ${sql.raw(GENERIC_PLAN)}
      select b.reason::text as reason, sum(b.persons)::int as persons
      from area_blocker_daily b
      where b.area_id in (${scopedAreas(scope.reach, areaId, scope.geographyId)}) and b.day <= ${asOf}
      group by b.reason`);
    const { target, activated } = await getCoverage(db, { scope, asOf });
    stuck = target - activated;
  } else {
    // The scope's units are found once for both the reasons and the total: finding them (a filter on
    // every unit of the province for a sector, say) is the dearest part of the question.
    const found = await db.execute<{ reason: BlockerReason | null; persons: number }>(sql`
      /* blockers:units */
      with scoped as (${scopedUnits(scope, asOf)})
      select b.reason::text as reason, sum(b.persons)::int as persons
      from unit_blocker_daily b
      where b.unit_id in (select id from scoped) and b.day <= ${asOf}
      group by b.reason
      union all
      select null, coalesce(sum(t.persons), 0)::int - coalesce(sum(c.activated), 0)::int
      from scoped s left join unit_totals t on t.unit_id = s.id
      ${unitCountsAsOf('s.id', asOf, isProvinceWide(scope))}`);
    rows = found.filter((r): r is { reason: BlockerReason; persons: number } => r.reason !== null);
    stuck = found.find((r) => r.reason === null)?.persons ?? 0;
  }
  const counted = new Map(rows.map((r) => [r.reason, r.persons]));
  const known = rows.reduce((sum, r) => sum + r.persons, 0);
  return [...blockerReason.enumValues, 'UNKNOWN' as const].map((reason) => {
    const persons = reason === 'UNKNOWN' ? stuck - known : (counted.get(reason) ?? 0);
    return { reason, persons, share: stuck === 0 ? 0 : persons / stuck };
  });
}
