import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { singleResultContentType } from '../../api/src/http/direct-answers.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount } from '../helpers/accounts.ts';
import { connectToSocket, createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { execute } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { listen } from '../helpers/http.ts';

/*
 * A query that Apollo has run compiled, and that reads nothing personal, is run again without
 * express and Apollo (http/direct-answers.ts). These tests ask over HTTP and check that such an
 * answer is the one Apollo gives, byte for byte and header for header, for every account's reach;
 * that a question with an error still gets Apollo's answer without being run or counted twice; and
 * that what this lane must not take (persons, refused variables, an Accept Apollo refuses) is not
 * taken.
 */

const NOW = new Date('2021-08-01T03:00:00Z');
let database: Database;
let app: Awaited<ReturnType<typeof createApp>>;
let base: string;
let close: () => void;
let other: postgres.Sql;
const statements: string[] = [];
const accounts: Record<string, { viewer: Viewer; token: string }> = {};

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (query) => statements.push(query) });
  await loadFixture(database.db, HAND_MADE);
  for (const [username, role, binding] of [
    ['tinh', 'PROVINCE', {}],
    ['huyen901', 'DISTRICT', { area: '901' }],
    ['canbo1', 'OFFICER', { staff: 'S1' }],
  ] as const)
    accounts[username] = await addAccount(database.db, { username, role, ...binding });
  app = await createApp(database, { serveWeb: false, now: () => NOW });
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
  await app?.stop();
  await database?.close();
});

interface Asked {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** Whether the answer was sent without express and Apollo. */
  direct: boolean;
  statements: string[];
}

/** Asks over HTTP; `nonce` makes the body new (a variable the query does not declare) so that
 * the response cache cannot answer it. */
async function ask(
  username: string,
  query: string,
  variables: Record<string, unknown>,
  options: { accept?: string; at?: string } = {},
): Promise<Asked> {
  const before = app.directAnswers();
  statements.length = 0;
  const response = await fetch(`${options.at ?? base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${accounts[username]?.token}`,
      ...(options.accept ? { accept: options.accept } : {}),
    },
    body: JSON.stringify({ query, variables: { ...variables, nonce: Math.random() } }),
  });
  const headers = Object.fromEntries(response.headers);
  // Only the moment and the allowance left differ from one response to the next.
  for (const name of ['date', 'ratelimit', 'keep-alive', 'connection']) delete headers[name];
  return {
    status: response.status,
    body: await response.text(),
    headers,
    direct: app.directAnswers() > before,
    statements: [...statements],
  };
}

/** The same question computed in process, past every cache and lane. */
async function fresh(username: string, query: string, variables: Record<string, unknown>) {
  const result = await execute(apollo(), database, query, variables, NOW, accounts[username]?.viewer);
  return result.errors ? { data: result.data, errors: result.errors } : { data: result.data };
}
const apollo = () => app.apollo;

const DISTRICTS = `query ($asOf: Date) {
  breakdown(by: DISTRICT, asOf: $asOf) { key label coverage { target registered activated activationRate goal { rate } } }
}`;
const DAYS = ['2021-05-20', '2021-06-01', '2021-06-15', '2021-07-01', '2021-07-31'];

describe('a question asked before, answered without Apollo', () => {
  test('from its third asking, with the bytes and headers Apollo sends for it', async () => {
    const first = await ask('tinh', DISTRICTS, { asOf: DAYS[0] });
    const second = await ask('tinh', DISTRICTS, { asOf: DAYS[0] });
    // Run by graphql-js, then compiled: both through Apollo.
    expect([first.direct, second.direct]).toEqual([false, false]);
    const third = await ask('tinh', DISTRICTS, { asOf: DAYS[0] });
    expect(third.direct).toBe(true);
    expect(third.status).toBe(200);
    expect(third.body).toBe(second.body);
    expect(third.body).toBe(first.body);
    expect(third.headers).toEqual(second.headers);
    expect(third.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(third.headers['content-security-policy']).toMatch(/default-src 'self'/);
    // One statement for the figures, beside the write counters.
    expect(third.statements.length).toBeLessThanOrEqual(second.statements.length);
    for (const asOf of DAYS) {
      const answer = await ask('tinh', DISTRICTS, { asOf });
      expect(answer.direct).toBe(true);
      expect(JSON.parse(answer.body), asOf).toEqual(await fresh('tinh', DISTRICTS, { asOf }));
    }
  });

  test('each account gets the figures of its own reach, the same text asked in any order', async () => {
    const text =
      '{ coverage(asOf: "2021-07-15") { target activated units } breakdown(by: SECTOR) { key coverage { activated } } }';
    for (const round of [0, 1, 2])
      for (const username of round === 1 ? ['canbo1', 'huyen901', 'tinh'] : ['tinh', 'huyen901', 'canbo1']) {
        const answer = await ask(username, text, {});
        if (round === 2) expect(answer.direct, username).toBe(true);
        expect(JSON.parse(answer.body), username).toEqual(await fresh(username, text, {}));
      }
    const seen = new Set<string>();
    for (const username of ['tinh', 'huyen901', 'canbo1']) seen.add((await ask(username, text, {})).body);
    expect(seen.size).toBe(3);
  });

  test('a write by another client of the database is in the next answer', async () => {
    const text =
      'query ($asOf: Date) { areas(level: DISTRICT) { code name coverage(asOf: $asOf) { target } } }';
    for (let i = 0; i < 3; i++) await ask('tinh', text, { asOf: '2021-07-01' });
    expect((await ask('tinh', text, { asOf: '2021-07-01' })).direct).toBe(true);
    await other`update areas set name = 'Huyện Mới Đặt Tên' where code = '901'`;
    // Run here under the counters last read, before this request's own read found them changed:
    // that run is dropped and Apollo answers under the new counters.
    const renamed = await ask('tinh', text, { asOf: '2021-07-01' });
    expect(renamed.direct).toBe(false);
    expect(renamed.body).toContain('Huyện Mới Đặt Tên');
    expect(JSON.parse(renamed.body)).toEqual(await fresh('tinh', text, { asOf: '2021-07-01' }));
    const again = await ask('tinh', text, { asOf: '2021-07-01' });
    expect(again.direct).toBe(true);
    expect(again.body).toBe(renamed.body);
  });

  test('the answer sent is kept: the same body again costs only the write counters', async () => {
    const body = JSON.stringify({ query: DISTRICTS, variables: { asOf: '2021-06-20' } });
    const send = () =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accounts.tinh?.token}` },
        body,
      }).then((response) => response.text());
    const before = app.directAnswers();
    const computed = await send();
    expect(app.directAnswers()).toBe(before + 1);
    statements.length = 0;
    expect(await send()).toBe(computed);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('from data_versions');
  });

  test('the content type is the one Apollo chooses for the Accept header, and a refused Accept is Apollo’s 406', async () => {
    for (const accept of [
      'application/graphql-response+json, application/json;q=0.9',
      'application/json',
      '*/*',
      'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
    ]) {
      const answers = [];
      for (let i = 0; i < 3; i++)
        answers.push(await ask('tinh', DISTRICTS, { asOf: '2021-07-10' }, { accept }));
      const [viaApollo, , direct] = answers as [Asked, Asked, Asked];
      expect(direct.direct, accept).toBe(true);
      expect(direct.headers['content-type'], accept).toBe(viaApollo.headers['content-type']);
      expect(direct.headers['content-type'], accept).toBe(singleResultContentType(accept));
      expect(direct.body).toBe(viaApollo.body);
    }
    const refused = await ask('tinh', DISTRICTS, { asOf: '2021-07-10' }, { accept: 'text/html' });
    expect(refused.direct).toBe(false);
    expect(refused.status).toBe(406);
  });
});

describe('what is left to Apollo', () => {
  test('an answer with an error is Apollo’s, and the question was run once', async () => {
    const text = 'query ($area: ID) { coverage(scope: { areaId: $area }) { target } ok: coverage { units } }';
    const viaApollo = await ask('huyen901', text, { area: '902' });
    await ask('huyen901', text, { area: '901' });
    await ask('huyen901', text, { area: '901' });
    // Ready now: the refusal is run in the lane and answered by Apollo from that run.
    const refused = await ask('huyen901', text, { area: '902' });
    expect(refused.direct).toBe(false);
    expect(refused.status).toBe(viaApollo.status);
    expect(refused.body).toBe(viaApollo.body);
    expect(JSON.parse(refused.body)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    // Run once: no statement of the question sent twice (a second run would repeat each).
    const ofQuestion = refused.statements.filter((statement) => !/from data_versions/.test(statement));
    expect(ofQuestion.filter((statement) => statement.includes(' as ok'))).toHaveLength(1);
    expect(new Set(ofQuestion).size).toBe(ofQuestion.length);
    const notFound = await ask('huyen901', text, { area: '999' });
    expect(JSON.parse(notFound.body)).toEqual(await fresh('huyen901', text, { area: '999' }));
  });

  test('variables graphql-js refuses keep its words', async () => {
    for (let i = 0; i < 3; i++) await ask('tinh', DISTRICTS, { asOf: '2021-07-02' });
    const refused = await ask('tinh', DISTRICTS, { asOf: '2021-02-30' });
    expect(refused.direct).toBe(false);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({
      errors: [
        {
          message: expect.stringContaining('"2021-02-30" is not a real day'),
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    const control = await ask('tinh', DISTRICTS, { asOf: '2021-07-02\u0000' });
    expect(control.direct).toBe(false);
    expect(control.status).toBe(400);
    expect(JSON.parse(control.body)).toMatchObject({ errors: [{ extensions: { argument: '$asOf' } }] });
  });

  test('persons are never run here: every read reaches the access log', async () => {
    const text =
      '{ unit(id: "UA") { name persons(first: 5) { totalCount edges { node { socialInsuranceCode } } } } }';
    const logged = async () => Number((await other`select count(*)::int as n from access_log`)[0]?.n ?? 0);
    const before = await logged();
    for (let i = 0; i < 4; i++) expect((await ask('huyen901', text, {})).direct).toBe(false);
    expect(await logged()).toBe(before + 4);
  });

  test('a request handed on after running is counted by the limit once', async () => {
    const limited = await createApp(database, {
      serveWeb: false,
      now: () => NOW,
      requestLimits: { perMinute: 6 },
    });
    const server = await listen(limited.app);
    try {
      const text = 'query ($area: ID) { coverage(scope: { areaId: $area }) { target } }';
      const statuses: number[] = [];
      // Two to make it ready, four refusals run in the lane and answered by Apollo, then the limit.
      for (const area of ['901', '901', '902', '902', '902', '902', '902'])
        statuses.push((await ask('huyen901', text, { area }, { at: server.base })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    } finally {
      server.close();
      await limited.stop();
    }
  });
});
