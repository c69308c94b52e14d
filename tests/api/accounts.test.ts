import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { checkPassword, viewerByToken } from '../../api/src/db/queries/accounts.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, expectBadUserInput, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';

/* Account administration through GraphQL: ADMIN only, validated field by field. */

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let admin: Viewer;
let analyst: Viewer;
let district: Viewer;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  admin = (await addAccount(database.db, { username: 'admin', role: 'ADMIN' })).viewer;
  analyst = (await addAccount(database.db, { username: 'phantich', role: 'ANALYST' })).viewer;
  district = (await addAccount(database.db, { username: 'huyen', role: 'DISTRICT', area: '901' })).viewer;
  ({ apollo } = await createApp(database, { serveWeb: false }));
});
afterAll(() => database?.close());

const run = (
  viewer: Viewer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<AnyData>> =>
  execute(apollo, database, query, variables, new Date('2021-12-31T05:00:00Z'), viewer);

const CREATE = `mutation ($input: NewAccount!) {
  createAccount(input: $input) { username displayName role area { id } staff { id } disabled tokens { prefix } }
}`;

describe('account administration', () => {
  test('an administrator creates an account that can then sign in', async () => {
    const input = {
      username: 'canbo.s2',
      displayName: 'Cán bộ S2',
      role: 'OFFICER',
      staffId: 'S2',
      password: 'mật khẩu đủ dài',
    };
    const result = await run(admin, CREATE, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createAccount).toEqual({
      username: 'canbo.s2',
      displayName: 'Cán bộ S2',
      role: 'OFFICER',
      area: null,
      staff: { id: 'S2' },
      disabled: false,
      tokens: [],
    });
    expect(await checkPassword(database.db, 'canbo.s2', 'mật khẩu đủ dài')).toMatchObject({
      role: 'OFFICER',
    });
  });

  test.each([
    [{ username: 'A B' }, 'input.username', /not a username/],
    [{ password: 'ngắn' }, 'input.password', /at least 10 characters/],
    [{ role: 'DISTRICT' }, 'input.areaId', /needs an area/],
    [{ role: 'DISTRICT', areaId: '999' }, 'input.areaId', /no area with code "999"/],
    [{ role: 'OFFICER', staffId: 'S9' }, 'input.staffId', /no officer with code "S9"/],
    [{ role: 'ANALYST', areaId: '901' }, 'input.areaId', /whole province/],
    [{ username: 'huyen' }, 'input.username', /already exists/],
  ])('refuses %j, naming %s', async (change, argument, message) => {
    const input = { username: 'moi', role: 'ANALYST', password: 'mật khẩu đủ dài', ...change };
    const result = await run(admin, CREATE, { input });
    expectBadUserInput(result, argument);
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  test('tokens are shown once, listed by prefix, and stop at once when revoked', async () => {
    const created = await run(
      admin,
      'mutation { createToken(username: "phantich", expiresInDays: 7) { token prefix expiresAt } }',
    );
    const { token, prefix } = (created.data as AnyData).createToken as { token: string; prefix: string };
    expect(token.startsWith(`${prefix}_`)).toBe(true);
    expect(await viewerByToken(database.db, token)).toMatchObject({ username: 'phantich' });
    const listed = await run(admin, '{ accounts { username tokens { prefix revoked } } }');
    const tokens = listed.data?.accounts.find((a: AnyData) => a.username === 'phantich').tokens;
    expect(tokens[0]).toEqual({ prefix, revoked: false });
    expect(JSON.stringify(listed.data)).not.toContain(token);
    expect((await run(admin, `mutation { revokeToken(prefix: "${prefix}") }`)).data).toEqual({
      revokeToken: true,
    });
    expect(await viewerByToken(database.db, token)).toBeUndefined();
    expectBadUserInput(
      await run(admin, 'mutation { createToken(username: "phantich", expiresInDays: 400) { prefix } }'),
      'expiresInDays',
    );
  });

  test('disabling: another account at once; one’s own, never', async () => {
    const created = await run(admin, 'mutation { createToken(username: "huyen") { token } }');
    const token = created.data?.createToken.token as string;
    const result = await run(
      admin,
      'mutation { setAccountDisabled(username: "huyen", disabled: true) { disabled } }',
    );
    expect(result.data).toEqual({ setAccountDisabled: { disabled: true } });
    expect(await viewerByToken(database.db, token)).toBeUndefined();
    expect(await checkPassword(database.db, 'huyen', 'một mật khẩu dài')).toBeUndefined();
    expectBadUserInput(
      await run(admin, 'mutation { setAccountDisabled(username: "admin", disabled: true) { disabled } }'),
      'username',
    );
    await run(admin, 'mutation { setAccountDisabled(username: "huyen", disabled: false) { disabled } }');
    const missing = await run(
      admin,
      'mutation { setAccountDisabled(username: "khong-co", disabled: true) { disabled } }',
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  test('a new password works and the old one no longer does', async () => {
    await run(
      admin,
      'mutation { resetPassword(username: "phantich", password: "mật khẩu mới rất dài") { username } }',
    );
    expect(await checkPassword(database.db, 'phantich', 'một mật khẩu dài')).toBeUndefined();
    expect(await checkPassword(database.db, 'phantich', 'mật khẩu mới rất dài')).toBeDefined();
  });

  // Revoking another's token is in own-account.test.ts: a prefix that names none is false to anyone.
  test('only ADMIN manages accounts; everyone sees who they are', async () => {
    for (const viewer of [analyst, district]) {
      for (const query of [
        '{ accounts { username } }',
        'mutation { createToken(username: "admin") { token } }',
        'mutation { setAccountDisabled(username: "admin", disabled: true) { disabled } }',
        'mutation { resetPassword(username: "admin", password: "mật khẩu đủ dài") { username } }',
        'mutation { createAccount(input: { username: "x1", role: ADMIN, password: "mật khẩu đủ dài" }) { username } }',
      ]) {
        const result = await run(viewer, query);
        expect(result.errors?.[0]?.extensions?.code, `${viewer.username}: ${query}`).toBe('FORBIDDEN');
      }
      const me = await run(viewer, '{ me { username role area { id } } }');
      expect(me.data?.me).toEqual({
        username: viewer.username,
        role: viewer.role,
        area: viewer.role === 'DISTRICT' ? { id: '901' } : null,
      });
    }
    expect((await checkPassword(database.db, 'admin', 'một mật khẩu dài'))?.role).toBe('ADMIN');
  });
});

describe('account events', () => {
  test('every change to accounts, tokens and goals is recorded with who made it', async () => {
    const EVENTS = '{ accountEvents(first: 100) { actor subject action detail } }';
    const result = await run(admin, EVENTS);
    const events = result.data?.accountEvents as AnyData[];
    expect(events).toEqual(
      expect.arrayContaining([
        { actor: 'admin', subject: 'canbo.s2', action: 'ACCOUNT_CREATED', detail: 'OFFICER' },
        {
          actor: 'admin',
          subject: 'phantich',
          action: 'TOKEN_CREATED',
          detail: expect.stringMatching(/^vss_/),
        },
        {
          actor: 'admin',
          subject: 'phantich',
          action: 'TOKEN_REVOKED',
          detail: expect.stringMatching(/^vss_/),
        },
        { actor: 'admin', subject: 'huyen', action: 'ACCOUNT_DISABLED', detail: null },
        { actor: 'admin', subject: 'huyen', action: 'ACCOUNT_ENABLED', detail: null },
        { actor: 'admin', subject: 'phantich', action: 'PASSWORD_RESET', detail: null },
      ]),
    );
    // refused attempts change nothing, so they record nothing
    expect(events.filter((e) => e.actor !== 'admin')).toEqual([]);
    expect((await run(analyst, EVENTS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
