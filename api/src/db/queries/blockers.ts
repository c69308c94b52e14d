import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { blockerReason } from '../schema/index.ts';
import { getCoverage } from './coverage.ts';
import { type Scope, scopedUnits } from './scope.ts';

export type BlockerReason = (typeof blockerReason.enumValues)[number] | 'UNKNOWN';

export interface BlockerRow {
  reason: BlockerReason;
  persons: number;
  share: number;
}

/**
 * The stuck persons of a scope on a day (not activated by then) by the reason recorded for them on or
 * before that day. Every reason gets a row, in the enum's order, and UNKNOWN takes those without one,
 * so the rows add up to target - activated.
 */
export async function getBlockers(
  db: Db,
  { scope, asOf }: { scope: Scope; asOf: IsoDate },
): Promise<BlockerRow[]> {
  const rows = await db.execute<{ reason: BlockerReason; persons: number }>(sql`
    /* blockers */
    select b.reason::text as reason, count(*)::int as persons
    from person_blockers b
    join persons p on p.id = b.person_id
    where p.unit_id in (${scopedUnits(scope, asOf)})
      and b.recorded_on <= ${asOf}
      and not exists (
        select 1 from person_steps s
        where s.person_id = b.person_id and s.step >= 'ACTIVATED' and s.date <= ${asOf})
    group by b.reason`);
  const { target, activated } = await getCoverage(db, { scope, asOf });
  const stuck = target - activated;
  const counted = new Map(rows.map((r) => [r.reason, r.persons]));
  const known = rows.reduce((sum, r) => sum + r.persons, 0);
  return [...blockerReason.enumValues, 'UNKNOWN' as const].map((reason) => {
    const persons = reason === 'UNKNOWN' ? stuck - known : (counted.get(reason) ?? 0);
    return { reason, persons, share: stuck === 0 ? 0 : persons / stuck };
  });
}
