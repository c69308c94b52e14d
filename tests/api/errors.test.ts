import type { Server } from 'node:http';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { BadInputError, ForbiddenError, NotFoundError, REASON_CODES } from '../../api/src/lib/errors.ts';
import { createApp } from '../../api/src/server.ts';
import { en } from '../../web/src/i18n/en.ts';
import { vi } from '../../web/src/i18n/vi.ts';
import { addAccount, addHandMadeAccounts } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { execute } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';

/*
 * Refusals are plain errors of the domain (lib/errors.ts); the GraphQL server's formatError and the
 * HTTP routes turn them into what the caller reads, with the code, the argument and the codes refused.
 */

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let server: Server;
let base = '';
let token = '';
let viewers: Record<'admin' | 'd901', Viewer>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  viewers = await addHandMadeAccounts(database.db, ['admin', 'd901']);
  ({ token } = await addAccount(database.db, { username: 'huyen-902', role: 'DISTRICT', area: '902' }));
  const app = await createApp(database, { serveWeb: false });
  apollo = app.apollo;
  server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  server?.close();
  await database?.close();
});

const run = (who: 'admin' | 'd901', query: string, variables?: Record<string, unknown>) =>
  execute(apollo, database, query, variables, undefined, viewers[who]);

test('the refusals are errors of the domain, not of GraphQL', () => {
  for (const error of [
    new NotFoundError('Area', '999', 'areaId'),
    new BadInputError('"first" must be 1 to 500; got 0', 'first', {
      code: 'PAGE_SIZE',
      args: { value: 0, max: 500 },
    }),
    new ForbiddenError('Area "901" is outside your reach', 'id'),
  ]) {
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(GraphQLError);
  }
});

describe('in GraphQL', () => {
  test('a NotFound thrown in a resolver reaches the client with its code and argument', async () => {
    const result = await run('admin', '{ coverage(scope: { areaId: "999" }) { target } }');
    expect(result.errors).toEqual([
      {
        message: 'Area "999" does not exist (argument scope.areaId)',
        locations: [{ line: 1, column: 3 }],
        path: ['coverage'],
        extensions: {
          code: 'NOT_FOUND',
          argument: 'scope.areaId',
          reason: { code: 'NOT_FOUND', args: { what: 'area', id: '999' } },
        },
      },
    ]);
  });

  test('a Forbidden carries the codes refused, for a client that words the message itself', async () => {
    // A unit outside the reach (a person's code outside it is answered as unknown: see recording.test.ts).
    const result = await run(
      'd901',
      'mutation { assignOfficer(unitIds: ["UA", "UC"], staffId: "S2", from: "2021-10-01") { written } }',
    );
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      argument: 'unitIds',
      refused: { what: 'unit', codes: ['UC'], count: 1 },
      reason: { code: 'OUTSIDE_REACH', args: {} },
    });
  });

  test('a BadInput names its argument; one without an argument has none', async () => {
    const first = await run('admin', '{ units(first: 0) { totalCount } }');
    expect(first.errors?.[0]).toMatchObject({
      message: '"first" must be 1 to 500; got 0',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    const literal = await run('admin', '{ coverage(asOf: "2021-02-30") { target } }');
    expect(literal.errors?.[0]).toEqual({
      message:
        'Expected value of type "Date", found "2021-02-30"; "2021-02-30" is not a real day written yyyy-mm-dd',
      locations: [{ line: 1, column: 18 }],
      extensions: { code: 'BAD_USER_INPUT', reason: { code: 'NOT_A_DAY', args: { value: '2021-02-30' } } },
    });
  });
});

describe('in the HTTP routes', () => {
  const download = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: await response.json() };
  };

  test('each refusal is its status with the message, the code and the argument at fault', async () => {
    expect(await download('/reports/download?area=999&asOf=2021-12-01&format=pdf')).toEqual({
      status: 404,
      body: {
        error: 'Area "999" does not exist (argument areaId)',
        code: 'NOT_FOUND',
        argument: 'areaId',
        reason: { code: 'NOT_FOUND', args: { what: 'area', id: '999' } },
      },
    });
    expect(await download('/reports/download?area=901&asOf=2021-12-01&format=pdf')).toEqual({
      status: 403,
      body: {
        error: 'Area "901" (Thành phố Biển Xanh) is outside what your account may report on',
        code: 'FORBIDDEN',
        argument: 'areaId',
        reason: { code: 'OUTSIDE_REACH', args: { what: 'area', id: '901' } },
      },
    });
    expect(await download('/reports/download?asOf=2021-12-01&format=odt')).toEqual({
      status: 400,
      body: {
        error: '"format" must be docx, pdf or xlsx; got "odt"',
        code: 'BAD_USER_INPUT',
        argument: 'format',
        reason: { code: 'FILE_FORMAT', args: { value: 'odt' } },
      },
    });
    expect(await download('/reports/published/77.pdf')).toEqual({
      status: 404,
      body: {
        error: 'Published report "77" does not exist (argument id)',
        code: 'NOT_FOUND',
        argument: 'id',
        reason: { code: 'NOT_FOUND', args: { what: 'report', id: '77' } },
      },
    });
  });
});

describe('in the dashboard’s words', () => {
  // Each refusal a role can meet, as the dashboard would meet it: every one carries a reason of
  // lib/errors.ts's list, and both catalogues word it without a hole.
  const refusals: [who: 'admin' | 'd901', query: string, code: string][] = [
    ['admin', '{ coverage(scope: { areaId: "999" }) { target } }', 'NOT_FOUND'],
    ['d901', '{ coverage(scope: { areaId: "902" }) { target } }', 'OUTSIDE_REACH'],
    ['d901', '{ accounts { username } }', 'ROLE_MAY_NOT'],
    [
      'admin',
      'mutation { setAccountDisabled(username: "admin", disabled: true) { username } }',
      'OWN_ACCOUNT',
    ],
    [
      'admin',
      'mutation { createAccount(input: { username: "Bad Name", role: PROVINCE, password: "long enough!" }) { username } }',
      'USERNAME_FORMAT',
    ],
    [
      'admin',
      'mutation { createAccount(input: { username: "moi", role: PROVINCE, password: "short" }) { username } }',
      'PASSWORD_TOO_SHORT',
    ],
    [
      'admin',
      'mutation { createAccount(input: { username: "moi", role: DISTRICT, password: "long enough!" }) { username } }',
      'BINDING_DISTRICT',
    ],
    ['admin', '{ coverage(asOf: "2021-02-30") { target } }', 'NOT_A_DAY'],
    ['admin', '{ trend(from: "2021-09-30", to: "2021-09-01") { date } }', 'TO_BEFORE_FROM'],
    ['admin', '{ units(first: 0) { totalCount } }', 'PAGE_SIZE'],
    [
      'd901',
      'mutation { recordSteps(step: ACTIVATED, date: "2021-09-01", socialInsuranceCodes: ["12345"]) { written } }',
      'SI_CODE_DIGITS',
    ],
    [
      'd901',
      'mutation { recordSteps(step: ACTIVATED, date: "2022-09-01", socialInsuranceCodes: ["1234567890"]) { written } }',
      'DAY_AFTER_TODAY',
    ],
    ['admin', '{ report(asOf: "2022-06-30") { number } }', 'FUTURE_DAY'],
  ];

  test.each(refusals)(
    '%s: %s is refused with reason %s, worded in Vietnamese and in English',
    async (who, query, code) => {
      const result = await run(who, query);
      const reason = result.errors?.[0]?.extensions?.reason as { code: string; args: Record<string, string> };
      expect(reason?.code, JSON.stringify(result.errors)).toBe(code);
      for (const catalogue of [vi, en]) {
        const words = catalogue.reasons[reason.code]?.(reason.args);
        expect(words).toBeTruthy();
        expect(words).not.toMatch(/undefined|\$\{/);
      }
    },
  );

  test('every reason the API can give is in both catalogues', () => {
    for (const code of REASON_CODES) {
      expect(typeof vi.reasons[code], code).toBe('function');
      expect(typeof en.reasons[code], code).toBe('function');
    }
  });
});
