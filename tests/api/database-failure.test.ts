import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateDatabase, openDatabase } from '../../api/src/db/client.ts';
import { addAccount } from '../helpers/accounts.ts';
import { onPostgres } from '../helpers/database.ts';
import { loadFixture, ONE_PERSON } from '../helpers/fixtures.ts';
import { canRunOwnPostgres, type OwnPostgres, startOwnPostgres } from '../helpers/own-postgres.ts';
import { startServer, stopServer } from '../helpers/processes.ts';

/*
 * The server outlives its database: `pnpm start`'s process on a PostgreSQL cluster of the test's own,
 * under a steady load of signed-in requests, while the cluster is killed with SIGKILL and later
 * restarted. Run in the PostgreSQL pass of the suite (the embedded database cannot go away on its own).
 */

interface Sample {
  /** When the request was sent, in ms since the load began. */
  at: number;
  ms: number;
  status: number;
  retryAfter: string | null;
  code?: string;
}

const QUERY = JSON.stringify({ query: '{ coverage(asOf: "2021-06-01") { target activated } }' });

let cluster: OwnPostgres;
let server: Awaited<ReturnType<typeof startServer>>;
let token: string;

beforeAll(async () => {
  if (!onPostgres || !canRunOwnPostgres) return;
  cluster = await startOwnPostgres();
  const database = await openDatabase({ url: cluster.url, dataDir: '' });
  await migrateDatabase(database);
  await loadFixture(database.db, ONE_PERSON);
  ({ token } = await addAccount(database.db, { username: 'analyst', role: 'ANALYST' }));
  await database.close();
  // Eight clients asking back to back send far more than one account's share: lift the limit.
  server = await startServer({
    DATABASE_URL: cluster.url,
    NODE_ENV: 'production',
    REQUESTS_PER_MINUTE: '1000000',
  });
});
afterAll(async () => {
  if (server) await stopServer(server.child);
  await cluster?.destroy();
});

/** Eight clients asking one after another until stopped; every answer is kept. */
function load(url: string) {
  const samples: Sample[] = [];
  const began = performance.now();
  let running = true;
  const client = async () => {
    while (running) {
      const at = performance.now() - began;
      let status = 0;
      let retryAfter: string | null = null;
      let code: string | undefined;
      try {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: QUERY,
          signal: AbortSignal.timeout(15_000),
        });
        status = response.status;
        retryAfter = response.headers.get('retry-after');
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        code = body.errors?.[0]?.extensions?.code;
      } catch {
        status = -1; // no answer at all: refused, reset or timed out
      }
      samples.push({ at, ms: performance.now() - began - at, status, retryAfter, code });
    }
  };
  const clients = Array.from({ length: 8 }, client);
  return {
    samples,
    now: () => performance.now() - began,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthz(url: string): Promise<number> {
  return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) })).status;
}

describe.runIf(onPostgres && canRunOwnPostgres)('when PostgreSQL fails under load', () => {
  test.each([
    ['killed with SIGKILL', 'kill'],
    ['restarted (pg_ctl restart -m fast)', 'restart'],
  ] as const)(
    '%s: the server answers 503 fast meanwhile and serves again soon after, without a restart',
    async (_name, how) => {
      const traffic = load(server.url);
      await sleep(1000);
      const failedAt = traffic.now();
      let backAt: number;
      if (how === 'kill') {
        cluster.kill();
        await sleep(3000);
        expect(await healthz(server.url)).toBe(503);
        await cluster.start();
        backAt = traffic.now();
      } else {
        await cluster.restart();
        backAt = traffic.now();
      }
      await sleep(6000);
      await traffic.stop();
      const { samples } = traffic;

      expect(server.child.exitCode, server.output()).toBeNull();
      // Before the failure every request was answered.
      expect(samples.filter((s) => s.at + s.ms < failedAt).every((s) => s.status === 200)).toBe(true);
      // While it was away: every request got an answer within 2 s, and a failure is a 503 that says when to
      // come back and why, never a hang, a dropped connection or a 500.
      const during = samples.filter((s) => s.at > failedAt && s.at < backAt);
      for (const s of during) {
        expect(s.ms, `a request sent ${Math.round(s.at)} ms in`).toBeLessThan(2000);
        expect([200, 503], `a request sent ${Math.round(s.at)} ms in`).toContain(s.status);
        if (s.status === 503) {
          expect(s.retryAfter).toBe('5');
          expect(s.code).toBe('SERVICE_UNAVAILABLE');
        }
      }
      if (how === 'kill') expect(during.filter((s) => s.status === 503).length).toBeGreaterThan(0);
      // Within 5 s of its return everything answers again.
      const after = samples.filter((s) => s.at > backAt + 5000);
      expect(after.length).toBeGreaterThan(0);
      expect(after.map((s) => s.status).filter((status) => status !== 200)).toEqual([]);
      expect(await healthz(server.url)).toBe(200);
    },
    90_000,
  );
});
