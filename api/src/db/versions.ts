import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * The database's write counters (schema/versions.ts): `data` changes with every transaction that
 * writes anything an answer is computed from, `auth` with every end of a session, token or account.
 */
export interface Versions {
  data: number;
  auth: number;
}

/**
 * The counters as committed now: one primary-key read, the only statement a request answered from
 * memory costs. Read before the caches are consulted, so an answer filled after it is at least as new.
 */
export async function readVersions(db: Db): Promise<Versions> {
  const rows = await db.execute<{ name: string; version: string | number }>(
    sql`select name, version from data_versions`,
  );
  const versions = { data: -1, auth: -1 };
  for (const row of rows)
    if (row.name === 'data' || row.name === 'auth') versions[row.name] = Number(row.version);
  return versions;
}
