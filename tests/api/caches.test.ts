import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import { type Database, GENERIC_PLAN } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount, TEST_PASSWORD } from '../helpers/accounts.ts';
import { connectToSocket, createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { listen } from '../helpers/http.ts';

/*
 * The server answers from memory what it answered before (http/response-cache.ts) and believes the
 * credentials it read before (auth/credential-cache.ts), for as long as the database's write counters
 * say nothing changed. These tests write as another process would, on a connection of their own, and
 * through the API, and check that no answer or credential outlives a write that changes it, and that
 * no answer reaches an account of another reach.
 */

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let responses: Awaited<ReturnType<typeof createApp>>['responses'];
let base: string;
let close: () => void;
/** Another client of the same database, as `pnpm cli` beside the server. */
let other: postgres.Sql;
const statements: string[] = [];
const accounts: Record<string, { viewer: Viewer; token: string }> = {};

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (query) => statements.push(query) });
  await loadFixture(database.db, HAND_MADE);
  for (const [username, role, binding] of [
    ['tinh', 'PROVINCE', {}],
    ['phantich', 'ANALYST', {}],
    ['huyen901', 'DISTRICT', { area: '901' }],
    ['huyen902', 'DISTRICT', { area: '902' }],
    ['coso902', 'DISTRICT', { office: 'BHXH-902' }],
    ['canbo1', 'OFFICER', { staff: 'S1' }],
    ['canbo2', 'OFFICER', { staff: 'S2' }],
    ['quantri', 'ADMIN', {}],
  ] as const) {
    accounts[username] = await addAccount(database.db, { username, role, ...binding });
  }
  const app = await createApp(database, { serveWeb: false, now: () => new Date('2021-08-01T03:00:00Z') });
  apollo = app.apollo;
  responses = app.responses;
  ({ base, close } = await listen(app.app));
  if (database.socketPath) other = connectToSocket(database.socketPath);
  else {
    const { host, port, database: name, user } = database.sql.options;
    other = postgres({ host: host[0], port: port[0], database: name, user, max: 1, onnotice: () => {} });
  }
});
afterAll(async () => {
  close?.();
  await other?.end();
  await database?.close();
});

/** Asks over HTTP as `username`; the JSON answer and the statements the server sent for it. */
async function ask(username: string, query: string, variables: Record<string, unknown> = {}) {
  statements.length = 0;
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${accounts[username]?.token}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, json: (await response.json()) as AnyData, statements: [...statements] };
}

/** The same question computed afresh, in process, past every cache. */
async function fresh(username: string, query: string, variables: Record<string, unknown> = {}) {
  const result = await execute(
    apollo,
    database,
    query,
    variables,
    new Date('2021-08-01T03:00:00Z'),
    accounts[username]?.viewer,
  );
  return result.errors ? { data: result.data, errors: result.errors } : { data: result.data };
}

const DISTRICTS = `query ($asOf: Date) {
  breakdown(by: DISTRICT, asOf: $asOf) { key label coverage { target registered activated activationRate goal { rate } } }
}`;
const OWN = '{ coverage { target activated units } units { totalCount edges { node { code } } } }';

describe('answers from memory', () => {
  test('the same question again is the same answer, for the cost of reading the write counters', async () => {
    const first = await ask('tinh', DISTRICTS, { asOf: '2021-07-31' });
    expect(first.json).toEqual(await fresh('tinh', DISTRICTS, { asOf: '2021-07-31' }));
    expect(first.statements.length).toBeGreaterThan(1);
    const again = await ask('tinh', DISTRICTS, { asOf: '2021-07-31' });
    expect(again.json).toEqual(first.json);
    expect(again.statements).toEqual([`${GENERIC_PLAN} select name, version from data_versions`]);
    // Another day is another question.
    const otherDay = await ask('tinh', DISTRICTS, { asOf: '2021-06-15' });
    expect(otherDay.statements.length).toBeGreaterThan(1);
    expect(otherDay.json).toEqual(await fresh('tinh', DISTRICTS, { asOf: '2021-06-15' }));
  });

  test('an answer from memory is sent as the computed one was: same bytes, same headers, counted by the limit', async () => {
    const send = () =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accounts.phantich?.token}` },
        body: JSON.stringify({ query: DISTRICTS, variables: { asOf: '2021-05-31' } }),
      });
    const computed = await send();
    const computedBody = await computed.text();
    statements.length = 0;
    const kept = await send();
    expect(statements).toEqual([`${GENERIC_PLAN} select name, version from data_versions`]);
    expect(await kept.text()).toBe(computedBody);
    const headers = (response: Response) => {
      const all = Object.fromEntries(response.headers);
      // Only the moment and the allowance left differ from one response to the next.
      for (const name of ['date', 'ratelimit', 'keep-alive', 'connection']) delete all[name];
      return all;
    };
    expect(headers(kept)).toEqual(headers(computed));
    expect(kept.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(kept.headers.get('x-content-type-options')).toBe('nosniff');
    expect(kept.headers.get('x-powered-by')).toBeNull();
    expect(kept.headers.get('etag')).toBeNull();
    const left = (response: Response) =>
      Number(/remaining=(\d+)/.exec(response.headers.get('ratelimit') ?? '')?.[1]);
    expect(left(kept)).toBe(left(computed) - 1);
  });

  test('a write by another client of the database changes the next answer: a name, a target, a goal', async () => {
    const before = await ask('tinh', DISTRICTS, { asOf: '2021-07-31' });
    await other`update areas set name = 'Huyện Đổi Tên' where code = '901'`;
    const renamed = await ask('tinh', DISTRICTS, { asOf: '2021-07-31' });
    expect(renamed.json).not.toEqual(before.json);
    expect(JSON.stringify(renamed.json)).toContain('Huyện Đổi Tên');
    expect(renamed.json).toEqual(await fresh('tinh', DISTRICTS, { asOf: '2021-07-31' }));

    await other`update area_totals set persons = persons + 5 where area_id = (select id from areas where code = '902' order by id limit 1)`;
    const bigger = await ask('tinh', DISTRICTS, { asOf: '2021-07-31' });
    expect(bigger.json).toEqual(await fresh('tinh', DISTRICTS, { asOf: '2021-07-31' }));
    expect(bigger.json).not.toEqual(renamed.json);

    await other`insert into goals (area_id, rate, deadline)
      select id, 0.9, '2021-12-31' from areas where parent_id is null`;
    const withGoal = await ask('tinh', DISTRICTS, { asOf: '2021-07-31' });
    expect(withGoal.json).toEqual(await fresh('tinh', DISTRICTS, { asOf: '2021-07-31' }));
    expect(JSON.stringify(withGoal.json)).toContain('"rate":0.9');
  });

  test('a write through the API changes the next answer of every account that asked before', async () => {
    const province = await ask('tinh', OWN);
    const district = await ask('huyen901', OWN);
    const recorded = await ask(
      'quantri',
      'mutation { recordSteps(step: ACTIVATED, date: "2021-07-20", socialInsuranceCodes: ["9000000002", "9000000004"]) { written } }',
    );
    expect(recorded.json).toMatchObject({ data: { recordSteps: { written: 2 } } });
    const provinceAfter = await ask('tinh', OWN);
    const districtAfter = await ask('huyen901', OWN);
    expect(provinceAfter.json).toEqual(await fresh('tinh', OWN));
    expect(districtAfter.json).toEqual(await fresh('huyen901', OWN));
    const activated = (answer: AnyData) =>
      (answer.data as { coverage: { activated: number } }).coverage.activated;
    expect(activated(provinceAfter.json)).toBe(activated(province.json) + 2);
    expect(activated(districtAfter.json)).toBe(activated(district.json) + 2);
  });

  test('no answer crosses reaches: each account gets the answer of its own reach, asked in any order', async () => {
    for (const username of ['tinh', 'huyen901'])
      expect((await ask(username, OWN)).json).not.toHaveProperty('errors');
    const order = ['tinh', 'huyen901', 'huyen902', 'coso902', 'canbo1', 'canbo2', 'phantich', 'quantri'];
    for (const round of [order, [...order].reverse()]) {
      for (const username of round) {
        const answer = await ask(username, OWN);
        expect(answer.json, username).toEqual(await fresh(username, OWN));
      }
    }
    // The province, the district heads and the officers got different answers to the same question (the
    // office BHXH-902 manages exactly district 902's units, so those two answers are alike).
    const seen = new Set<string>();
    for (const username of ['tinh', 'huyen901', 'huyen902', 'canbo1', 'canbo2'])
      seen.add(JSON.stringify((await ask(username, OWN)).json));
    expect(seen.size).toBe(5);
  });

  test('a question refused to one account is refused to it, though another account’s answer is kept', async () => {
    const query = '{ coverage(scope: { areaId: "902" }) { target } }';
    expect((await ask('tinh', query)).json).toEqual({ data: { coverage: { target: expect.any(Number) } } });
    const refused = await ask('huyen901', query);
    expect(refused.json).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });

  test('persons are never answered from memory: every read reaches the database and the access log', async () => {
    const query =
      '{ unit(id: "UA") { name persons(first: 5) { totalCount edges { node { socialInsuranceCode } } } } }';
    const logged = async () => Number((await other`select count(*)::int as n from access_log`)[0]?.n ?? 0);
    const before = await logged();
    const first = await ask('huyen901', query);
    const second = await ask('huyen901', query);
    expect(second.json).toEqual(first.json);
    expect(second.statements.length).toBeGreaterThan(1);
    expect(await logged()).toBe(before + 2);
  });

  test('the cache is bounded and emptied when the data changes', async () => {
    await ask('tinh', DISTRICTS, { asOf: '2021-07-01' });
    expect(responses.size.entries).toBeGreaterThan(0);
    await other`update areas set name = name || '' where code = '902'`;
    await ask('tinh', '{ today }');
    expect(responses.size.entries).toBeLessThanOrEqual(1);
  });
});

test('every table bumps a write counter but the logs a read itself writes and the imports’ bookkeeping', async () => {
  // A table added later without a trigger would let answers read from it go stale: it must be named here.
  const rows = await other<{ table: string; triggers: string[] | null }[]>`
    select c.relname as table, array_agg(t.tgname) filter (where t.tgname is not null) as triggers
    from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    left join pg_trigger t on t.tgrelid = c.oid and not t.tgisinternal
    where c.relkind = 'r' group by c.relname order by 1`;
  expect(rows.filter((r) => !r.triggers?.length).map((r) => r.table)).toEqual([
    'access_log',
    'account_events',
    'audit_log',
    'data_versions',
    'imports',
    'refusal_alerts',
    'refusal_log',
  ]);
  expect(rows.length).toBeGreaterThan(30);
});

describe('credentials from memory', () => {
  const TODAY = '{ today }';

  test('a token is read once while nothing changes, and its last use written at most once a minute', async () => {
    const { token } = await addAccount(database.db, { username: 'phantich2', role: 'ANALYST' });
    accounts.phantich2 = { viewer: accounts.phantich?.viewer as Viewer, token };
    const first = await ask('phantich2', TODAY);
    expect(first.statements.some((s) => s.includes('from "api_tokens"'))).toBe(true);
    expect(first.statements.filter((s) => s.startsWith('update "api_tokens"'))).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      const again = await ask('phantich2', TODAY);
      expect(again.status).toBe(200);
      expect(again.statements.filter((s) => s.includes('api_tokens'))).toEqual([]);
    }
  });

  test('a token revoked by another client is refused at the next request', async () => {
    const { token } = await addAccount(database.db, { username: 'thuhoi', role: 'ANALYST' });
    accounts.thuhoi = { viewer: accounts.phantich?.viewer as Viewer, token };
    expect((await ask('thuhoi', TODAY)).status).toBe(200);
    const prefix = token.split('_')[1] as string;
    await other`update api_tokens set revoked_at = now() where prefix = ${prefix}`;
    expect((await ask('thuhoi', TODAY)).status).toBe(401);
  });

  test('a token revoked through the API is refused at the next request', async () => {
    const { token } = await addAccount(database.db, { username: 'thuhoi2', role: 'ANALYST' });
    accounts.thuhoi2 = { viewer: accounts.phantich?.viewer as Viewer, token };
    expect((await ask('thuhoi2', TODAY)).status).toBe(200);
    const prefix = token.split('_').slice(0, 2).join('_');
    const revoked = await ask('thuhoi2', `mutation { revokeToken(prefix: "${prefix}") }`);
    expect(revoked.json).toEqual({ data: { revokeToken: true } });
    expect((await ask('thuhoi2', TODAY)).status).toBe(401);
  });

  test('a disabled account is refused at the next request, token and session alike', async () => {
    const { token } = await addAccount(database.db, { username: 'tamdung', role: 'PROVINCE' });
    accounts.tamdung = { viewer: accounts.tinh?.viewer as Viewer, token };
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tamdung', password: TEST_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const bySession = () =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: TODAY }),
      });
    expect((await ask('tamdung', TODAY)).status).toBe(200);
    expect((await bySession()).status).toBe(200);
    await other`update users set disabled_at = now() where username = 'tamdung'`;
    expect((await ask('tamdung', TODAY)).status).toBe(401);
    expect((await bySession()).status).toBe(401);
  });

  test('a signed-out session is refused at once, another session of the account is not', async () => {
    const signIn = async () => {
      const login = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'huyen902', password: TEST_PASSWORD }),
      });
      return (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    };
    const one = await signIn();
    const two = await signIn();
    const session = async (cookie: string) =>
      ((await (await fetch(`${base}/auth/session`, { headers: { cookie } })).json()) as { user: unknown })
        .user;
    expect(await session(one)).not.toBeNull();
    expect(await session(two)).not.toBeNull();
    await fetch(`${base}/auth/logout`, { method: 'POST', headers: { cookie: one } });
    expect(await session(one)).toBeNull();
    expect(await session(two)).not.toBeNull();
  });
});
