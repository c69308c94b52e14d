import type { Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount, TEST_PASSWORD } from '../helpers/accounts.ts';
import { createTestDatabase, holdTable } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { listen } from '../helpers/http.ts';

/* Signing in, sessions, tokens and the limits of the HTTP API, over a real listening server. */

let database: Database;
let server: Server;
let base: string;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  ({ token } = await addAccount(database.db, { username: 'tinh', role: 'PROVINCE' }));
  await addAccount(database.db, { username: 'huyen', role: 'DISTRICT', area: '901' });
  // The real limits slow the 4th failure and stop the 21st; tightened here so the stop comes quickly.
  const { app } = await createApp(database, { serveWeb: false, signInLimits: { delayAfter: 3, limit: 8 } });
  ({ base, server } = await listen(app));
});
afterAll(async () => {
  server?.close();
  await database?.close();
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function login(username: string, password: string) {
  return fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('sessions', () => {
  test('signing in sets an httpOnly, SameSite=Strict cookie that opens the API until sign-out', async () => {
    const response = await login('huyen', TEST_PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      user: { username: 'huyen', role: 'DISTRICT', area: { code: '901' } },
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^vssid_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0] as string;
    const query = { query: '{ coverage { units } }' };
    expect(await (await post(query, { authorization: '', cookie })).json()).toEqual({
      data: { coverage: { units: 2 } },
    });
    const session = await fetch(`${base}/auth/session`, { headers: { cookie } });
    expect(await session.json()).toMatchObject({ user: { displayName: 'huyen' } });
    await fetch(`${base}/auth/logout`, { method: 'POST', headers: { cookie } });
    const events = await database.db.execute<{ action: string; subject: string; address: string }>(sql`
      select action, subject, address from account_events where subject = 'huyen' order by id`);
    expect(events.map((e) => e.action)).toEqual(['SIGN_IN', 'SIGN_OUT']);
    expect(events[0]?.address).toMatch(/127\.0\.0\.1/);
    expect((await post(query, { authorization: '', cookie })).status).toBe(401);
    const after = await fetch(`${base}/auth/session`, { headers: { cookie } });
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ user: null });
  });

  test('a wrong password, an unknown user and a malformed body are refused without saying which', async () => {
    expect((await login('huyen', 'sai mật khẩu rồi')).status).toBe(401);
    const [failed] = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from account_events where subject = 'huyen' and action = 'SIGN_IN_FAILED' and actor_id is null`,
    );
    expect(failed?.n).toBe(1);
    expect(await (await login('khong-co-ai', TEST_PASSWORD)).json()).toEqual({
      error: 'Wrong username or password.',
    });
    const malformed = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": 1}',
    });
    expect(malformed.status).toBe(400);
  });

  test('failed sign-ins slow down: from the fourth on, each waits a second longer than the one before', async () => {
    const times: number[] = [];
    let last = 0;
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      last = (await login('khoa-thu', 'sai mật khẩu lần nữa')).status;
      times.push(performance.now() - started);
    }
    expect(last).toBe(401);
    // The 4th failure waits 1 s more, the 5th 2 s, the 6th 3 s.
    expect(times[5]).toBeGreaterThan(2500);
    expect(times[0]).toBeLessThan(1000);
  }, 20_000);
});

describe('sign-in limits', () => {
  test('after too many failures from one address for one username, sign-in answers 429, even with the right password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await login('tinh', 'sai mật khẩu lần nữa')).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses[8]).toBe(429);
    expect((await login('tinh', TEST_PASSWORD)).status).toBe(429);
    // another account from the same address is not locked by it
    expect((await login('huyen', TEST_PASSWORD)).status).toBe(200);
  }, 30_000);

  test('over HTTPS (as a local reverse proxy says), the session cookie is marked Secure', async () => {
    const response = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: 'huyen', password: TEST_PASSWORD }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });
});

describe('tokens', () => {
  test('an expired token is refused, and so is one that was never issued', async () => {
    const expiring = await addAccount(database.db, { username: 'het-han', role: 'ANALYST' });
    const query = { query: '{ coverage { units } }' };
    expect((await post(query, { authorization: `Bearer ${expiring.token}` })).status).toBe(200);
    await database.db.execute(sql`update api_tokens set expires_at = now() - interval '1 minute'
      where user_id = ${expiring.viewer.userId}`);
    expect((await post(query, { authorization: `Bearer ${expiring.token}` })).status).toBe(401);
    const forged = `${token.slice(0, 13)}${'A'.repeat(43)}`;
    expect((await post(query, { authorization: `Bearer ${forged}` })).status).toBe(401);
  });

  test('only the hash of a token and an argon2id hash of a password are stored', async () => {
    const [row] = await database.db.execute<{ hash: string; password_hash: string }>(sql`
      select t.hash, u.password_hash from api_tokens t join users u on u.id = t.user_id where u.username = 'tinh'`);
    expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.hash).not.toContain(token.slice(13));
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('the API is hard to abuse', () => {
  test('every response carries security headers', async () => {
    for (const response of [await fetch(`${base}/healthz`), await post({ query: '{ today }' })]) {
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  test('a batch of operations is refused', async () => {
    const response = await post([{ query: '{ today }' }, { query: '{ today }' }]);
    expect(response.status).toBe(400);
  });

  test('a GET or form post without a preflight header is refused (CSRF)', async () => {
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('{ today }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(get.status).toBe(400);
    const form = await post('query={today}', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
  });

  test('too deep, too many aliases, too costly: refused before anything runs', async () => {
    const deep = `{ area(id: "90") { ${'children { '.repeat(12)}id${' }'.repeat(12)} } }`;
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: today`).join(' ')} }`;
    for (const query of [deep, aliases]) {
      const body = (await (await post({ query })).json()) as { errors: { message: string }[] };
      expect(body.errors[0]?.message, query.slice(0, 40)).toMatch(/depth|aliases|cost|tokens/i);
    }
  });

  test('a query past the token or alias limits is a 400 that says which limit, never a 500', async () => {
    for (const [query, limit] of [
      [`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: today`).join(' ')} }`, /tokens|aliases/i],
      [`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: today`).join(' ')} }`, /aliases/i],
    ] as const) {
      const response = await post({ query });
      const body = (await response.json()) as {
        errors: { message: string; extensions?: { code?: string } }[];
      };
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(body.errors[0]?.message).toMatch(limit);
      expect(body.errors[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });

  test('a request is weighed by what its fields cost: thirty reports are refused before any runs', async () => {
    const reports = `{ ${Array.from({ length: 30 }, (_, i) => `r${i}: report(asOf: "2021-12-31") { title }`).join(' ')} }`;
    const refused = await post({ query: reports });
    const body = (await refused.json()) as { errors: { message: string; extensions?: { code?: string } }[] };
    expect(refused.status).toBe(400);
    expect(body.errors[0]?.message).toMatch(/weighs 750 .* at most 50/);
    // Hidden in a fragment, spread under aliases, they weigh the same.
    const spread = `query { a: coverage { target } ...R ...S } fragment R on Query { ${Array.from({ length: 2 }, (_, i) => `r${i}: report(asOf: "2021-12-31") { title }`).join(' ')} } fragment S on Query { s: report(asOf: "2021-12-31") { title } }`;
    expect((await post({ query: spread })).status).toBe(400);
    // A report, the blockers and two breakdowns (37) are more than any page asks at once, and pass.
    const two = `{ report(asOf: "2021-12-31") { title } blockers { reason } a: breakdown(by: DISTRICT) { key } b: breakdown(by: SECTOR) { key } }`;
    const answered = await post({ query: two });
    expect(((await answered.json()) as { errors?: unknown[] }).errors).toBeUndefined();
  });

  test('persons are opened five at most in one request, so thirty aliases cannot probe thirty ids', async () => {
    const persons = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `p${i}: person(id: "${i + 1}") { fullName }`).join(' ')} }`;
    const refused = await post({ query: persons(30) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /weighs 300 .* at most 50/,
    );
    // Five pass the weighing (and this ANALYST is then refused persons by role, as ever).
    const five = await post({ query: persons(5) });
    expect(five.status).not.toBe(400);
  });

  test('a session or token past its requests a minute gets 429 with Retry-After; others do not', async () => {
    const { app } = await createApp(database, { serveWeb: false, requestLimits: { perMinute: 3 } });
    const limited = await listen(app);
    const { token: other } = await addAccount(database.db, { username: 'phantich-2', role: 'ANALYST' });
    const ask = (bearer: string) =>
      fetch(`${limited.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query: '{ today }' }),
      });
    try {
      for (let i = 0; i < 3; i++) expect((await ask(token)).status).toBe(200);
      const refused = await ask(token);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toEqual({
        errors: [
          { message: expect.stringMatching(/at most 3 a minute/), extensions: { code: 'TOO_MANY_REQUESTS' } },
        ],
      });
      expect((await ask(other)).status).toBe(200);
      // Downloads count against the same allowance.
      expect(
        (
          await fetch(`${limited.base}/reports/download?asOf=2021-12-31&format=pdf`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).status,
      ).toBe(429);
    } finally {
      limited.close();
    }
  });

  test('a NUL or another control character in any argument is a 400 naming it, in a variable or in the query', async () => {
    const cases: [unknown, string][] = [
      [
        {
          query: 'query ($f: UnitFilter) { units(filter: $f) { totalCount } }',
          variables: { f: { search: 'Nha\u0000Trang' } },
        },
        '$f.search',
      ],
      [{ query: '{ units(filter: { search: "Nha\\u0000Trang" }) { totalCount } }' }, 'filter.search'],
      [{ query: '{ area(id: "5\\u001b68") { name } }' }, 'id'],
    ];
    for (const [body, argument] of cases) {
      const response = await post(body);
      const json = (await response.json()) as {
        errors: { message: string; extensions?: Record<string, unknown> }[];
      };
      expect(response.status, argument).toBe(400);
      expect(json.errors[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
      expect(json.errors[0]?.message).toMatch(/control character/);
    }
    // A note's line breaks and tabs are text, not control characters to refuse.
    const note = await post({
      query: 'query ($f: UnitFilter) { units(filter: $f) { totalCount } }',
      variables: { f: { search: 'Nha\tTrang\n' } },
    });
    expect(note.status).toBe(200);
  });

  test('past the requests the server answers at once, a new one is a 503 at once, not a wait', async () => {
    const { app } = await createApp(database, { serveWeb: false, requestLimits: { inFlight: 1 } });
    const busy = await listen(app);
    const ask = () =>
      fetch(`${busy.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ today }' }),
      });
    // The first request waits on the write counters every request reads first (on the embedded
    // database, on its one session).
    const lock = await holdTable(database, 'data_versions');
    try {
      const first = ask();
      // Time for it to reach the server and be counted (it then waits on the lock).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const shed = await ask();
      expect(shed.status).toBe(503);
      expect(shed.headers.get('retry-after')).toBe('1');
      expect(
        ((await shed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
      ).toBe('SERVER_BUSY');
      await lock.release();
      expect((await first).status).toBe(200);
      expect((await ask()).status).toBe(200);
    } finally {
      await lock.release();
      busy.close();
    }
  });

  test('no field suggestions, no stack traces', async () => {
    const body = (await (await post({ query: '{ coverag { units } }' })).json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0]?.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  test('a request body over 100 kB is refused', async () => {
    const response = await post({ query: `{ today } # ${'x'.repeat(120_000)}` });
    expect(response.status).toBe(413);
  });
});
