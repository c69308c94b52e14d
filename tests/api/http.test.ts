import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount } from '../helpers/accounts.ts';
import { createTestDatabase, onPostgres } from '../helpers/database.ts';
import { loadFixture, ONE_PERSON } from '../helpers/fixtures.ts';
import { listen } from '../helpers/http.ts';

let database: Database;
let server: Server;
let base: string;
let token: string;
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-web-'));

beforeAll(async () => {
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><html lang="vi"><title>VssID</title></html>',
  );
  fs.writeFileSync(path.join(webDist, 'assets', 'app-abc123.js'), 'console.log(1)');
  database = await createTestDatabase();
  await loadFixture(database.db, ONE_PERSON);
  ({ token } = await addAccount(database.db, { username: 'analyst', role: 'ANALYST' }));
  const { app } = await createApp(database, { webDist });
  ({ base, server } = await listen(app));
});
afterAll(async () => {
  server?.close();
  await database?.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('HTTP', () => {
  test('GET /healthz answers 200 {"status":"ok"} while the database answers', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('POST /graphql answers a query', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ coverage(asOf: "2021-06-01") { target activated activationRate } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { coverage: { target: 1, activated: 1, activationRate: 1 } },
    });
  });

  test('GET /graphql answers a query too', async () => {
    const query = encodeURIComponent('{ areas(level: PROVINCE) { id name } }');
    const response = await fetch(`${base}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
    });
    expect(await response.json()).toEqual({ data: { areas: [{ id: '90', name: 'Tỉnh Thử Nghiệm' }] } });
  });

  test('a deep link gets the dashboard shell, so a reload of a district page works', async () => {
    const response = await fetch(`${base}/districts/568?asOf=2021-05-15`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('<html lang="vi">');
  });

  test('assets are served for good, and a missing asset is 404 rather than the shell', async () => {
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  test.runIf(onPostgres)('GET /healthz answers 200 while every connection of the pool is busy', async () => {
    const busy = await createTestDatabase({ max: 1 });
    const { app } = await createApp(busy, { serveWeb: false });
    const up = await listen(app);
    try {
      // Queries are lazy until awaited or executed: this one holds the pool's only connection now.
      const sleeping = busy.sql`select pg_sleep(3)`.execute();
      await new Promise((resolve) => setTimeout(resolve, 200));
      // /healthz gives the database 2 s: behind the pool's one connection it would wait for the sleep.
      const response = await fetch(`${up.base}/healthz`);
      expect(response.status).toBe(200);
      await sleeping;
    } finally {
      up.close();
      await busy.close();
    }
  });

  test('GET /healthz answers 503 once the database is gone', async () => {
    const gone = await createTestDatabase();
    await gone.close();
    const { app } = await createApp(gone, { serveWeb: false });
    const down = await listen(app);
    const response = await fetch(`${down.base}/healthz`);
    down.close();
    expect(response.status).toBe(503);
  });

  test('a token sent while the database is gone gets a JSON 503, and the server goes on answering', async () => {
    // A real failure: the account exists, then its database goes away under the running server.
    const failing = await createTestDatabase();
    const { token: failingToken } = await addAccount(failing.db, { username: 'a', role: 'ANALYST' });
    const { app } = await createApp(failing, { serveWeb: false });
    const down = await listen(app);
    const downBase = down.base;
    await failing.close();
    try {
      const ask = () =>
        fetch(`${downBase}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${failingToken}` },
          body: JSON.stringify({ query: '{ apiVersion }' }),
        });
      for (let i = 0; i < 3; i++) {
        const response = await ask();
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        expect(await response.json()).toEqual({
          errors: [
            { message: expect.stringMatching(/database/i), extensions: { code: 'SERVICE_UNAVAILABLE' } },
          ],
        });
      }
      expect((await fetch(`${downBase}/healthz`)).status).toBe(503);
    } finally {
      down.close();
    }
  });

  test('malformed JSON gets a JSON 400 that says so, not an HTML page', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": "{ apiVersion }"',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringMatching(/JSON/), extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});
