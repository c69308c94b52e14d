import { request, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { listen } from '../helpers/http.ts';

/* POST /imports/<kind>, as the dashboard's upload sends it: the file as the body, its name in X-File-Name. */

let database: Database;
let server: Server;
let base: string;
let token: string;
let analystToken: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  ({ token } = await addAccount(database.db, { username: 'admin', role: 'ADMIN' }));
  ({ token: analystToken } = await addAccount(database.db, { username: 'phantich', role: 'ANALYST' }));
  const { app } = await createApp(database, { serveWeb: false });
  ({ base, server } = await listen(app));
});
afterAll(async () => {
  server?.close();
  await database?.close();
});

const UNITS =
  'unit_code,name,district_code,commune_code,office_code,sector,address\nUA,Đơn vị A,901,90101,BHXH-90,NQD,\n';

function upload(fileName: string) {
  return fetch(`${base}/imports/units?dryRun=1`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-file-name': fileName, 'content-type': 'text/csv' },
    body: UNITS,
  });
}

async function imports(): Promise<number> {
  const [row] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from imports`);
  return row?.n ?? 0;
}

describe('the upload of an import file', () => {
  test.each([
    ['a%00.csv', /control character/],
    ['a%0A.csv', /control character/],
    ['a%E0%A4%A.csv', /URL-encoded/],
    [`${'a'.repeat(300)}.csv`, /255/],
  ])('a file name %s is refused with 400 before anything is read or recorded', async (name, message) => {
    const before = await imports();
    const response = await upload(name);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(message);
    expect(body.error).not.toMatch(/insert|select|\$1/i);
    expect(await imports()).toBe(before);
  });

  test('a good name is kept in the history as the user wrote it', async () => {
    const response = await upload(encodeURIComponent('Đơn vị tháng 7.csv'));
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\n');
    expect(JSON.parse(lines.at(-1) as string).summary.outcome).toBe('DRY_RUN');
    const [row] = await database.db.execute<{ file_name: string }>(
      sql`select file_name from imports order by id desc limit 1`,
    );
    expect(row?.file_name).toBe('Đơn vị tháng 7.csv');
  });
});

/**
 * Starts an upload of `declared` bytes, sends the first megabyte and no more: resolves with the status
 * the server answers while the rest of the body has not been sent (it never will be).
 */
function startUpload(headers: Record<string, string>, declared: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/imports/units`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        'x-file-name': 'big.csv',
        'content-length': declared,
        ...headers,
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('no answer while the body was still coming: the server is reading it first'));
    }, 10_000);
    req.on('response', (response) => {
      clearTimeout(timer);
      response.resume();
      req.destroy();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', () => {});
    req.write(Buffer.alloc(1024 * 1024, 'a'));
  });
}

describe('an upload that will be refused is refused on its headers', () => {
  test('without a session or token: 401 before the body is read', async () => {
    expect(await startUpload({}, 99 * 1024 * 1024)).toBe(401);
  });

  test('by an account that may not import: 403 before the body is read', async () => {
    expect(await startUpload({ authorization: `Bearer ${analystToken}` }, 99 * 1024 * 1024)).toBe(403);
  });

  test('over the size limit: 413 before the body is read', async () => {
    expect(await startUpload({ authorization: `Bearer ${token}` }, 200 * 1024 * 1024)).toBe(413);
  });
});
