import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import { MIN_PASSWORD_LENGTH } from '../../api/src/auth/secrets.ts';
import type { Database } from '../../api/src/db/client.ts';
import { checkPassword, listEvents, viewerByToken } from '../../api/src/db/queries/accounts.ts';
import { createApp } from '../../api/src/server.ts';
import { MIN_PASSWORD_LENGTH as WEB_MIN_PASSWORD_LENGTH } from '../../web/src/lib/passwords.ts';
import { addAccount, TEST_PASSWORD } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, expectBadUserInput, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { listen } from '../helpers/http.ts';

/*
 * What any account does to itself: change its own password (through real browser sessions, so that
 * the session that asked is kept and the others end), and create and revoke its own API tokens,
 * never another account's.
 */

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let server: Server;
let base: string;
let district: Viewer;
let analyst: { viewer: Viewer; token: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  district = (await addAccount(database.db, { username: 'huyen', role: 'DISTRICT', area: '901' })).viewer;
  analyst = await addAccount(database.db, { username: 'phantich', role: 'ANALYST' });
  await addAccount(database.db, { username: 'canbo', role: 'OFFICER', staff: 'S2' });
  const app = await createApp(database, { serveWeb: false });
  apollo = app.apollo;
  ({ base, server } = await listen(app.app));
});
afterAll(async () => {
  server?.close();
  await database?.close();
});

const run = (viewer: Viewer, query: string, variables: Record<string, unknown> = {}) =>
  execute(apollo, database, query, variables, new Date(), viewer) as Promise<GraphQLResult<AnyData>>;

/** Signs in through POST /auth/login; the session cookie. */
async function signIn(username: string, password: string): Promise<string> {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

async function sessionUser(cookie: string): Promise<string | null> {
  const response = await fetch(`${base}/auth/session`, { headers: { cookie } });
  return ((await response.json()) as { user: { username: string } | null }).user?.username ?? null;
}

async function graphqlWithCookie(cookie: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<AnyData>;
}

/** How many changes of a password were refused for a wrong current one, as account events. */
async function refusedChanges(): Promise<number> {
  const events = await listEvents(database.db, { first: 1000, offset: 0 });
  return events.filter((e) => e.action === 'PASSWORD_CHANGE_REFUSED').length;
}

const CHANGE = `mutation ($current: String!, $next: String!) {
  changeOwnPassword(current: $current, next: $next) { username }
}`;

describe('changing one’s own password', () => {
  test('ends the account’s other sessions, keeps the one that asked, and is an account event', async () => {
    const here = await signIn('canbo', TEST_PASSWORD);
    const elsewhere = await signIn('canbo', TEST_PASSWORD);
    const result = await graphqlWithCookie(here, CHANGE, {
      current: TEST_PASSWORD,
      next: 'mật khẩu mới của cán bộ',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.changeOwnPassword).toEqual({ username: 'canbo' });
    expect(await sessionUser(here)).toBe('canbo');
    expect(await sessionUser(elsewhere)).toBeNull();
    expect(await checkPassword(database.db, 'canbo', TEST_PASSWORD)).toBeUndefined();
    expect(await checkPassword(database.db, 'canbo', 'mật khẩu mới của cán bộ')).toMatchObject({
      username: 'canbo',
    });
    const [event] = await listEvents(database.db, { first: 1, offset: 0 });
    expect(event).toMatchObject({ actor: 'canbo', subject: 'canbo', action: 'PASSWORD_CHANGED' });
  });

  test.each([
    [
      'a wrong current password',
      'sai mật khẩu rồi',
      'mật khẩu mới dài dài',
      'current',
      'WRONG_CURRENT_PASSWORD',
    ],
    ['a new password that is too short', TEST_PASSWORD, 'ngắn quá', 'next', 'PASSWORD_TOO_SHORT'],
    ['the same password again', TEST_PASSWORD, TEST_PASSWORD, 'next', 'PASSWORD_UNCHANGED'],
  ])('refuses %s, naming the argument, with its reason', async (_what, current, next, argument, code) => {
    const refusedBefore = await refusedChanges();
    const result = await run(district, CHANGE, { current, next });
    expectBadUserInput(result, argument);
    expect(result.errors?.[0]?.extensions?.reason).toMatchObject({ code });
    expect(await checkPassword(database.db, 'huyen', TEST_PASSWORD)).toMatchObject({ username: 'huyen' });
    // A wrong guess at the current password is on the record; the other refusals cost no guess.
    expect(await refusedChanges()).toBe(refusedBefore + (code === 'WRONG_CURRENT_PASSWORD' ? 1 : 0));
  });

  test('the dashboard’s forms check the server’s length', () => {
    expect(WEB_MIN_PASSWORD_LENGTH).toBe(MIN_PASSWORD_LENGTH);
  });

  test('the length rule is the server’s: 10 characters (not bytes) are enough', async () => {
    const result = await run(district, CHANGE, { current: TEST_PASSWORD, next: 'ầầầầầầầầầầ' });
    expect(result.errors).toBeUndefined();
    await run(district, CHANGE, { current: 'ầầầầầầầầầầ', next: TEST_PASSWORD });
  });
});

const CREATE = `mutation ($username: String, $days: Int) {
  createToken(username: $username, expiresInDays: $days) { token prefix expiresAt }
}`;
const REVOKE = 'mutation ($prefix: String!) { revokeToken(prefix: $prefix) }';

describe('one’s own API tokens', () => {
  test('a district head creates a token of their own, sees it listed and revokes it', async () => {
    const created = await run(district, CREATE, { days: 30 });
    expect(created.errors).toBeUndefined();
    const { token, prefix } = created.data?.createToken ?? {};
    expect(await viewerByToken(database.db, token)).toMatchObject({ username: 'huyen' });
    const listed = await run(district, '{ me { tokens { prefix revoked } } }');
    expect(listed.data?.me.tokens).toContainEqual({ prefix, revoked: false });
    expect((await run(district, REVOKE, { prefix })).data?.revokeToken).toBe(true);
    expect(await viewerByToken(database.db, token)).toBeUndefined();
    const events = await listEvents(database.db, { first: 2, offset: 0 });
    expect(events.map((e) => [e.actor, e.subject, e.action, e.detail])).toEqual([
      ['huyen', 'huyen', 'TOKEN_REVOKED', prefix],
      ['huyen', 'huyen', 'TOKEN_CREATED', prefix],
    ]);
  });

  test('naming oneself is the same as naming nobody', async () => {
    const created = await run(district, CREATE, { username: 'huyen' });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createToken.prefix).toMatch(/^vss_[0-9a-f]{8}$/);
  });

  test('a district head can neither create nor revoke another account’s token', async () => {
    const create = await run(district, CREATE, { username: 'phantich' });
    expect(create.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      argument: 'username',
      reason: { code: 'OTHERS_TOKENS' },
    });
    const prefix = analyst.token.slice(0, 12);
    const revoke = await run(district, REVOKE, { prefix });
    expect(revoke.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      argument: 'prefix',
      reason: { code: 'OTHERS_TOKENS' },
    });
    expect(await viewerByToken(database.db, analyst.token)).toMatchObject({ username: 'phantich' });
  });

  test('a prefix that names no token is false, and a token’s days are checked', async () => {
    expect((await run(district, REVOKE, { prefix: 'vss_00000000' })).data?.revokeToken).toBe(false);
    const result = await run(analyst.viewer, CREATE, { days: 400 });
    expectBadUserInput(result, 'expiresInDays');
    expect(result.errors?.[0]?.extensions?.reason).toMatchObject({ code: 'TOKEN_DAYS' });
  });
});
