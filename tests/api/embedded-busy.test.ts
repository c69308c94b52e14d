import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount } from '../helpers/accounts.ts';
import { connectToSocket, createTestDatabase, holdTable, onPostgres } from '../helpers/database.ts';
import { loadFixture, ONE_PERSON } from '../helpers/fixtures.ts';
import { listen } from '../helpers/http.ts';

/*
 * The embedded database has one session; a transaction (an import writing) holds it to the end. A
 * request that cannot have it within the wait allowed is answered 503 DATABASE_BUSY with Retry-After,
 * and everything answers again once the transaction ends.
 */

let database: Database;
let base: string;
let close: () => void;
let token: string;
const WAIT_MS = 300;

beforeAll(async () => {
  if (onPostgres) return;
  database = await createTestDatabase({ sessionWaitMs: WAIT_MS });
  await loadFixture(database.db, ONE_PERSON);
  ({ token } = await addAccount(database.db, { username: 'analyst', role: 'ANALYST' }));
  const { app } = await createApp(database);
  ({ base, close } = await listen(app));
});
afterAll(async () => {
  close?.();
  await database?.close();
});

const coverage = () =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ coverage(asOf: "2021-06-01") { target activated } }' }),
  });

describe.skipIf(onPostgres)('the embedded database held by a long transaction', () => {
  test('a query that cannot have the session in time fails with 55P03; the connection works on', async () => {
    const held = await holdTable(database, 'units');
    try {
      const error = await database.sql`select 1 as one`.then(
        () => null,
        (e: { code?: string; message?: string }) => e,
      );
      expect(error?.code).toBe('55P03');
      expect(error?.message).toMatch(/busy writing/);
      // the refused query's messages were skipped up to its Sync: the same pool answers afterwards
    } finally {
      await held.release();
    }
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => database.sql`select ${i}::int as v`),
    );
    expect(answers.map((rows) => rows[0]?.v)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test('GraphQL answers 503 DATABASE_BUSY with Retry-After meanwhile, and the figures once it ends', async () => {
    const held = await holdTable(database, 'units');
    let busy: Response;
    let health: Response;
    try {
      [busy, health] = await Promise.all([coverage(), fetch(`${base}/healthz`)]);
    } finally {
      await held.release();
    }
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('2');
    const body = await busy.json();
    expect(body.errors[0].extensions.code).toBe('DATABASE_BUSY');
    expect(body.errors[0].message).toMatch(/busy writing an import/);
    expect(JSON.stringify(body)).not.toMatch(/55P03|select|units/i);
    // busy is not down: a monitor must not restart the server in the middle of an import
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'busy' });

    const after = await coverage();
    expect(after.status).toBe(200);
    expect((await after.json()).data.coverage).toEqual({ target: 1, activated: 1 });
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  test('a new connection that waits too long is refused too, and the pool connects again later', async () => {
    const held = await holdTable(database, 'units');
    // as a `pnpm cli` beside the server would: a pool of its own on the same socket
    const fresh = connectToSocket(database.socketPath);
    try {
      const error = await fresh`select 1`.then(
        () => null,
        (e: { code?: string }) => e,
      );
      expect(error?.code).toBe('55P03');
    } finally {
      await held.release();
    }
    expect((await fresh`select 2 as two`)[0]?.two).toBe(2);
    await fresh.end({ timeout: 1 });
  });
});
