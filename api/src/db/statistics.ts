import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/** Rows written at once from which the planner's statistics are refreshed (an import of a district). */
export const ANALYZE_AFTER_ROWS = 10_000;

/**
 * Refreshes the planner's statistics after a bulk write (the demo seed, a new geography, a large
 * import). PGlite runs no autovacuum, so without this its plans stay those of the empty tables it
 * started with: at the province scale a district head's coverage by sector took 8 ms instead of
 * 3,8 ms. On a server it only comes sooner than autovacuum would. It runs after the write's
 * transaction, so that it samples the rows written.
 */
export async function refreshStatistics(db: Pick<Db, 'execute'>): Promise<void> {
  await db.execute(sql`analyze`);
}
