import type { Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ACTIONS, type Action, may, permissionsOf } from '../../api/src/auth/policy.ts';
import type { Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import type { Role } from '../../api/src/db/schema/index.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount, HAND_MADE_ACCOUNTS, type HandMadeAccount, TEST_PASSWORD } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { listen } from '../helpers/http.ts';

/*
 * Who may do what, written out by hand: the policy must say exactly this, and the API must act on it.
 * Reading it as a table is the point: a change of who may do what shows here as a changed row.
 */
const ALL = 'ADMIN PROVINCE ANALYST DISTRICT OFFICER';
const EXPECTED: Record<Action, string> = {
  'figures:read': ALL,
  'persons:read': 'ADMIN DISTRICT OFFICER',
  'access-log:read': 'ADMIN',
  'audit-log:read': 'ADMIN',
  'accounts:manage': 'ADMIN',
  'tokens:own': ALL,
  'password:own': ALL,
  'api:explore': 'ADMIN ANALYST',
  'staff-contacts:read': 'ADMIN PROVINCE DISTRICT',
  'goal:set': 'ADMIN PROVINCE DISTRICT',
  'milestone:record': 'ADMIN DISTRICT OFFICER',
  'blocker:record': 'ADMIN DISTRICT OFFICER',
  'steps:record': 'ADMIN DISTRICT',
  'training:record': 'ADMIN DISTRICT',
  'assignment:record': 'ADMIN DISTRICT',
  'files:import': 'ADMIN DISTRICT',
  'imports:read': 'ADMIN PROVINCE DISTRICT',
  'report:read': 'ADMIN PROVINCE ANALYST DISTRICT',
  'report:publish': 'ADMIN PROVINCE DISTRICT',
};
const ROLES = ALL.split(' ') as Role[];

describe('the policy', () => {
  test('names every action once, and the table above names the same ones', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const)))(
    '%s for %s is as the table says',
    (action, role) => {
      expect(may(role, action)).toBe(EXPECTED[action].split(' ').includes(role));
    },
  );

  test('an account holds exactly the actions of its role, in the catalogue order', () => {
    expect(permissionsOf('ANALYST')).toEqual([
      'figures:read',
      'tokens:own',
      'password:own',
      'api:explore',
      'report:read',
    ]);
    for (const role of ROLES)
      expect(permissionsOf(role)).toEqual(ACTIONS.filter((a) => EXPECTED[a].split(' ').includes(role)));
  });
});

/*
 * The same table, through the API: for each action a request that lies within the caller's reach
 * (their own district, their own unit), sent as every role. The roles the table allows are answered;
 * the others are refused with FORBIDDEN before anything is written.
 */
type Who = Extract<HandMadeAccount, 'admin' | 'province' | 'analyst' | 'd901' | 's2'>;
const WHO: Who[] = ['admin', 'province', 'analyst', 'd901', 's2'];
const roleOf = (who: Who): Role => HAND_MADE_ACCOUNTS[who].role;
/** The area each account's requests are about: a district head's own district, else the province. */
const areaOf = (who: Who) => (who === 'd901' ? '901' : '90');

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let server: Server;
let base: string;
const viewers = {} as Record<Who, Viewer>;
const tokens = {} as Record<Who, string>;
let p1: string;
let p4: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // District 901's own office, so that a district head's training is within their reach.
  await loadFixture(database.db, {
    ...HAND_MADE,
    offices: [...HAND_MADE.offices, { code: 'BHXH-901', areaCode: '901' }],
  });
  for (const who of WHO) {
    const { viewer, token } = await addAccount(database.db, HAND_MADE_ACCOUNTS[who]);
    viewers[who] = viewer;
    tokens[who] = token;
  }
  const ids = await database.db.execute<{ code: string; id: number }>(
    sql`select social_insurance_code as code, id from persons where social_insurance_code in ('9000000001', '9000000004')`,
  );
  p1 = String(ids.find((r) => r.code === '9000000001')?.id);
  p4 = String(ids.find((r) => r.code === '9000000004')?.id);
  const app = await createApp(database, { serveWeb: false, now: () => new Date('2021-12-31T05:00:00Z') });
  apollo = app.apollo;
  ({ base, server } = await listen(app.app));
});
afterAll(async () => {
  server?.close();
  await database?.close();
});

/** What came of a request: 'allowed', or the refusal's code. */
type Outcome = 'allowed' | string;

async function graphql(who: Who, query: string): Promise<Outcome> {
  const result: GraphQLResult<AnyData> = await execute(
    apollo,
    database,
    query,
    {},
    new Date('2021-12-31T05:00:00Z'),
    viewers[who],
  );
  if (!result.errors) return 'allowed';
  return String(result.errors[0]?.extensions?.code);
}

async function http(who: Who, path: string, init: RequestInit = {}): Promise<Outcome> {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${tokens[who]}`, ...init.headers },
  });
  await response.arrayBuffer();
  if (response.status === 403) return 'FORBIDDEN';
  return response.ok ? 'allowed' : `HTTP ${response.status}`;
}

const PROBES: Record<Action, (who: Who) => Promise<Outcome>> = {
  'figures:read': (who) => graphql(who, '{ coverage(asOf: "2021-12-31") { target } }'),
  'persons:read': (who) => graphql(who, `{ person(id: "${p1}") { id } }`),
  'access-log:read': (who) => graphql(who, '{ accessLog(first: 1) { __typename } }'),
  'audit-log:read': (who) => graphql(who, '{ auditLog(first: 1) { __typename } }'),
  'accounts:manage': (who) => graphql(who, '{ accounts { username } }'),
  'tokens:own': (who) => graphql(who, '{ me { tokens { prefix } } }'),
  // To another password and back, so that the later probes' accounts are as they were.
  'password:own': async (who) => {
    const change = (current: string, next: string) =>
      graphql(
        who,
        `mutation { changeOwnPassword(current: ${JSON.stringify(current)}, next: ${JSON.stringify(next)}) { username } }`,
      );
    const outcome = await change(TEST_PASSWORD, 'một mật khẩu khác');
    if (outcome === 'allowed') await change('một mật khẩu khác', TEST_PASSWORD);
    return outcome;
  },
  // No dashboard is built for this test: the page is 404 to those who may see it, 403 to the others.
  'api:explore': async (who) => {
    const outcome = await http(who, '/graphiql', { redirect: 'manual' });
    return outcome === 'HTTP 404' ? 'allowed' : outcome;
  },
  // Not a refusal but a blank: an officer's e-mail is withheld from those who do not manage officers.
  'staff-contacts:read': async (who) => {
    await database.db.execute(sql`update staff set email = 'canbo1@example.vn' where code = 'S1'`);
    const result = await execute(
      apollo,
      database,
      '{ staff(id: "S1") { email } }',
      {},
      undefined,
      viewers[who],
    );
    return (result.data as AnyData | undefined)?.staff?.email ? 'allowed' : 'FORBIDDEN';
  },
  'goal:set': (who) =>
    graphql(
      who,
      `mutation { setGoal(areaId: "${areaOf(who)}", rate: 0.5, deadline: "2022-06-30") { rate } }`,
    ),
  'milestone:record': (who) =>
    graphql(
      who,
      'mutation { recordMilestone(unitId: "UA", milestone: LEADERSHIP_CONTACTED, date: "2021-04-20") { changed } }',
    ),
  'blocker:record': (who) =>
    graphql(
      who,
      `mutation { setBlocker(personId: "${p4}", reason: NO_SMARTPHONE, date: "2021-06-01") { __typename } }`,
    ),
  'steps:record': (who) =>
    graphql(
      who,
      'mutation { recordSteps(step: REGISTERED, date: "2021-05-03", socialInsuranceCodes: ["9000000001"]) { written } }',
    ),
  'training:record': (who) =>
    graphql(
      who,
      `mutation { recordTraining(officeId: "${who === 'd901' ? 'BHXH-901' : 'BHXH-90'}", heldOn: "2021-06-01", title: "Hướng dẫn VssID", unitIds: ["UA"]) { __typename } }`,
    ),
  'assignment:record': (who) =>
    graphql(
      who,
      'mutation { assignOfficer(unitIds: ["UA"], staffId: "S2", from: "2021-06-01") { written } }',
    ),
  'files:import': (who) =>
    http(who, '/imports/units?dryRun=1', {
      method: 'POST',
      headers: { 'x-file-name': 'units.csv', 'content-type': 'text/csv' },
      body: 'unit_code,name,district_code,commune_code,office_code,sector,address\nUA,Đơn vị A,901,90101,BHXH-90,NQD,\n',
    }),
  'imports:read': (who) => graphql(who, '{ imports(first: 1) { id } }'),
  'report:read': (who) =>
    graphql(who, `{ report(areaId: "${areaOf(who)}", asOf: "2021-12-31") { __typename } }`),
  'report:publish': (who) =>
    graphql(who, `mutation { publishReport(areaId: "${areaOf(who)}", asOf: "2021-12-31") { id } }`),
};

describe('the API acts on the policy', () => {
  test.each(ACTIONS)(
    '%s: allowed to the roles the table names, FORBIDDEN to the others',
    async (action) => {
      const outcomes: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const who of WHO) {
        outcomes[who] = await PROBES[action](who);
        expected[who] = EXPECTED[action].split(' ').includes(roleOf(who)) ? 'allowed' : 'FORBIDDEN';
      }
      expect(outcomes).toEqual(expected);
    },
    60_000,
  );

  test('GET /auth/session tells the dashboard what the account may do', async () => {
    for (const who of WHO) {
      const response = await fetch(`${base}/auth/session`, {
        headers: { authorization: `Bearer ${tokens[who]}` },
      });
      const { user } = (await response.json()) as { user: { permissions: string[] } };
      expect(user.permissions, who).toEqual(permissionsOf(roleOf(who)));
    }
  });
});
