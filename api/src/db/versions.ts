import { sql } from 'drizzle-orm';
import { type Db, GENERIC_PLAN } from './client.ts';

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
    sql`${sql.raw(GENERIC_PLAN)} select name, version from data_versions`,
  );
  const versions = { data: -1, auth: -1 };
  for (const row of rows)
    if (row.name === 'data' || row.name === 'auth') versions[row.name] = Number(row.version);
  return versions;
}

/**
 * The counters for a request, read by at most one statement at a time however many requests arrive:
 * a request that arrives while a read is under way waits for the next one, which starts after the
 * current one ends, so every request still gets counters read after it arrived (every write committed
 * before it arrived is seen) while a busy server reads them once per round trip instead of once per
 * request. When the read under way fails, the requests waiting behind it fail with it: the database
 * was failing when they arrived, and a second attempt would make each of them wait out two connection
 * time-outs during an outage instead of one (a request took 2,2 s where 2 s is the promise).
 */
export class VersionReader {
  private inFlight: Promise<Versions> | null = null;
  private queued: Promise<Versions> | null = null;
  private latest: Versions | undefined;

  constructor(private readonly db: Db) {}

  /**
   * The counters of the last read that succeeded, and undefined after one failed: what a request may
   * work under while its own read is under way, as long as that read then finds the same counters
   * (no write committed in between, so the work was done under what the request arrived to).
   */
  known(): Versions | undefined {
    return this.latest;
  }

  read(): Promise<Versions> {
    if (!this.inFlight) return this.launch();
    if (!this.queued) {
      this.queued = this.inFlight.then(
        () => {
          this.queued = null;
          return this.launch();
        },
        (error: unknown) => {
          this.queued = null;
          throw error;
        },
      );
    }
    return this.queued;
  }

  private launch(): Promise<Versions> {
    const read = readVersions(this.db).then(
      (versions) => {
        if (this.inFlight === read) this.inFlight = null;
        this.latest = versions;
        return versions;
      },
      (error: unknown) => {
        if (this.inFlight === read) this.inFlight = null;
        this.latest = undefined;
        throw error;
      },
    );
    this.inFlight = read;
    return read;
  }
}
