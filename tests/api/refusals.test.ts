import type { Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { reachOf, type Viewer } from '../../api/src/auth/reach.ts';
import { REFUSAL_ALERT_PER_MINUTE, refusalAlertPerMinuteFromEnv } from '../../api/src/config.ts';
import { createContext } from '../../api/src/context.ts';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount, addHandMadeAccounts } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import type { AnyData, GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { listen } from '../helpers/http.ts';
import { csv, importFile, problemLines } from '../helpers/imports.ts';

/*
 * Refused reads of persons on the hand-made data set (UA and UB in district 901, UC in 902): a person
 * outside the caller's reach is answered exactly as an id that names nobody, every refusal is logged
 * (account, time, field, what was asked, why) for ADMIN to review, and an account refused more than
 * the threshold within a minute raises an alert, on the dashboard and in the server's log.
 */

type Who = 'admin' | 'province' | 'analyst' | 'd901' | 'd902' | 's1';

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let server: Server;
let base: string;
const viewers = {} as Record<Who, Viewer>;
const ids: Record<string, string> = {};

const NOW = new Date('2021-12-31T05:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  Object.assign(
    viewers,
    await addHandMadeAccounts(database.db, ['admin', 'province', 'analyst', 'd901', 'd902', 's1']),
  );
  for (const row of await database.db.execute<{ id: number; code: string }>(
    sql`select id, social_insurance_code as code from persons`,
  ))
    ids[row.code] = String(row.id);
  const app = await createApp(database, { serveWeb: false });
  apollo = app.apollo;
  ({ base, server } = await listen(app.app));
});
afterAll(async () => {
  server?.close();
  await database?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

function run(
  viewer: Viewer,
  query: string,
  options: Parameters<typeof createContext>[3] = {},
): Promise<GraphQLResult<AnyData>> {
  return apollo
    .executeOperation({ query }, { contextValue: createContext(database.db, viewer, NOW, options) })
    .then((response) => {
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as GraphQLResult<AnyData>;
    });
}

async function refusalsOf(username: string) {
  return database.db.execute<{ field: string; argument: string; reason: string; operation: string }>(sql`
    select l.field, l.argument, l.reason::text as reason, l.operation from refusal_log l
    join users u on u.id = l.user_id where u.username = ${username} order by l.id`);
}

/** A district head of 901 of the test's own, so that its refusals are counted apart from the others'. */
async function freshDistrictHead(username: string): Promise<Viewer> {
  return (await addAccount(database.db, { username, role: 'DISTRICT', area: '901' })).viewer;
}

describe('a person outside the reach', () => {
  test('is answered exactly as an id that names nobody, by any field of it, and both are logged', async () => {
    const p7 = ids['9000000007'] as string;
    const ask = (id: string) =>
      `{ a: person(id: "${id}") { id fullName socialInsuranceCode steps { step } unit { id } } b: person(id: "${id}", asOf: "2021-06-01") { blocker { reason } } }`;
    const outside = await run(viewers.d901, ask(p7));
    const nobody = await run(viewers.d901, ask('999999'));
    expect(outside).toEqual({ data: { a: null, b: null } });
    expect(outside).toEqual(nobody);
    // An officer reassigned away from UA, too.
    expect(await run(viewers.s1, ask(ids['9000000001'] as string))).toEqual(nobody);
    expect(await refusalsOf('huyen901')).toEqual([
      { field: 'Query.person', argument: p7, reason: 'OUT_OF_REACH', operation: ask(p7) },
      { field: 'Query.person', argument: p7, reason: 'OUT_OF_REACH', operation: ask(p7) },
      { field: 'Query.person', argument: '999999', reason: 'NOT_FOUND', operation: ask('999999') },
      { field: 'Query.person', argument: '999999', reason: 'NOT_FOUND', operation: ask('999999') },
    ]);
  });

  test('is NOT_FOUND to setBlocker and recordSteps as a person that does not exist, and logged', async () => {
    const head = await freshDistrictHead('thamdo-ghi');
    const p7 = ids['9000000007'] as string;
    const blocker = (id: string) => `mutation { setBlocker(personId: "${id}", reason: OTHER) { changed } }`;
    const outside = await run(head, blocker(p7));
    const nobody = await run(head, blocker('999999'));
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(outside).replaceAll(p7, 'X')).toBe(
      JSON.stringify(nobody).replaceAll('999999', 'X'),
    );
    const steps = (code: string) =>
      `mutation { recordSteps(step: VERIFIED, date: "2021-10-01", socialInsuranceCodes: ["${code}"]) { written } }`;
    const stepsOutside = await run(head, steps('9000000007'));
    const stepsNobody = await run(head, steps('9999999999'));
    expect(stepsOutside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(stepsOutside).replaceAll('9000000007', 'X')).toBe(
      JSON.stringify(stepsNobody).replaceAll('9999999999', 'X'),
    );
    expect((await refusalsOf('thamdo-ghi')).map(({ operation: _, ...r }) => r)).toEqual([
      { field: 'Mutation.setBlocker', argument: p7, reason: 'OUT_OF_REACH' },
      { field: 'Mutation.setBlocker', argument: '999999', reason: 'NOT_FOUND' },
      // A code naming a person is logged by the person's id; one naming nobody masked, never whole.
      { field: 'Mutation.recordSteps', argument: p7, reason: 'OUT_OF_REACH' },
      { field: 'Mutation.recordSteps', argument: '******9999', reason: 'NOT_FOUND' },
    ]);
  });

  test('a role that reads aggregates only is FORBIDDEN as before, and that is logged too', async () => {
    const person = await run(viewers.province, `{ person(id: "${ids['9000000001']}") { fullName } }`);
    expect(person.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const list = await run(viewers.analyst, '{ unit(id: "UA") { persons { totalCount } } }');
    expect(list.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await refusalsOf('tinh')).map((r) => [r.field, r.argument, r.reason])).toEqual([
      ['Query.person', ids['9000000001'], 'ROLE'],
    ]);
    expect((await refusalsOf('phantich')).map((r) => [r.field, r.argument, r.reason])).toEqual([
      ['Unit.persons', 'UA', 'ROLE'],
    ]);
  });

  test('ADMIN, who reaches everyone, leaves no refusal for an id that names nobody', async () => {
    expect(await run(viewers.admin, '{ person(id: "999999") { id } }')).toEqual({ data: { person: null } });
    expect(await refusalsOf('admin')).toEqual([]);
  });
});

describe('the refusal log', () => {
  const REVIEW = `query ($username: String) {
    refusals(username: $username, first: 2) { totalCount entries { id at username role field argument reason operation } }
  }`;

  test('is listed to ADMIN, newest first, with account, time, field, argument and reason', async () => {
    const head = await freshDistrictHead('thamdo-log');
    const p7 = ids['9000000007'] as string;
    await run(head, `{ person(id: "${p7}") { id } }`);
    await run(head, '{ person(id: "999999") { id } }');
    await run(head, `{ person(id: "${p7}") { id } }`);
    const response = await apollo.executeOperation(
      { query: REVIEW, variables: { username: 'thamdo-log' } },
      { contextValue: createContext(database.db, viewers.admin, NOW) },
    );
    const result = (
      response.body.kind === 'single' ? response.body.singleResult : {}
    ) as GraphQLResult<AnyData>;
    expect(result.errors).toBeUndefined();
    expect(result.data?.refusals.totalCount).toBe(3);
    expect(result.data?.refusals.entries).toEqual([
      {
        id: expect.any(String),
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        username: 'thamdo-log',
        role: 'DISTRICT',
        field: 'Query.person',
        argument: p7,
        reason: 'OUT_OF_REACH',
        operation: `{ person(id: "${p7}") { id } }`,
      },
      expect.objectContaining({ argument: '999999', reason: 'NOT_FOUND' }),
    ]);
    const everyone = await run(viewers.admin, '{ refusals { totalCount } }');
    expect(everyone.data?.refusals.totalCount).toBeGreaterThan(3);
  });

  test.each(['province', 'analyst', 'd901', 'd902', 's1'] as Who[])(
    'and its alerts are FORBIDDEN to %s',
    async (who) => {
      for (const query of ['{ refusals { totalCount } }', '{ refusalAlerts { threshold } }']) {
        const result = await run(viewers[who], query);
        expect(
          result.errors?.map((e) => e.extensions?.code),
          query,
        ).toEqual(['FORBIDDEN']);
        expect(result.data ?? null).toBeNull();
      }
    },
  );
});

describe('an account refused more than the threshold within a minute', () => {
  const THRESHOLD = 5;
  const alertsNow = async () =>
    (
      await run(
        viewers.admin,
        '{ refusalAlerts { threshold accounts { username role refusals at minutes lastAt } } }',
      )
    ).data?.refusalAlerts;
  const probe = (viewer: Viewer, times: number) => {
    // One request of `times` aliases: its refusals are one insert, and count as `times`.
    const fields = Array.from(
      { length: times },
      (_, i) => `p${i}: person(id: "${ids['9000000007']}") { id }`,
    );
    return run(viewer, `{ ${fields.join(' ')} }`, { refusalAlertPerMinute: THRESHOLD });
  };

  test('raises an alert on the refusal past it, not before, and prints one line to the log', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const head = await freshDistrictHead('thamdo-nhanh');
    await probe(head, THRESHOLD - 1);
    await probe(head, 1);
    expect((await alertsNow()).accounts.map((a: AnyData) => a.username)).not.toContain('thamdo-nhanh');
    expect(warn).not.toHaveBeenCalled();
    await probe(head, 1);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]?.[0]);
    // One line, with nothing but the account's name, the counts and the minute.
    expect(line).toMatch(
      /^ALERT refusals: account "thamdo-nhanh" was refused 6 times within a minute from \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(threshold: more than 5 a minute\)$/,
    );
    // Later refusals of the same minute add to the same alert, without another line.
    await probe(head, 3);
    expect(warn).toHaveBeenCalledTimes(1);
    const alert = (await alertsNow()).accounts.find((a: AnyData) => a.username === 'thamdo-nhanh');
    expect(alert).toEqual({
      username: 'thamdo-nhanh',
      role: 'DISTRICT',
      refusals: 9,
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      minutes: 1,
      lastAt: alert?.at,
    });
  });

  test('counts a minute at a time: refusals spread over longer raise nothing, a new burst a new alert', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const head = await freshDistrictHead('thamdo-cham');
    const earlier = (seconds: number) =>
      Promise.all([
        database.db.execute(
          sql`update refusal_log set at = at - make_interval(secs => ${seconds}) where user_id = ${head.userId}`,
        ),
        database.db.execute(
          sql`update refusal_alerts set started_at = started_at - make_interval(secs => ${seconds}), raised_at = raised_at - make_interval(secs => ${seconds}) where user_id = ${head.userId}`,
        ),
      ]);
    await probe(head, THRESHOLD);
    await earlier(61);
    await probe(head, THRESHOLD);
    // Ten refusals in two minutes, never more than five within one.
    expect(warn).not.toHaveBeenCalled();
    await probe(head, 1);
    expect(warn).toHaveBeenCalledTimes(1);
    await earlier(120);
    // A minute after the alert's minute, the refusals it counted do not count again.
    await probe(head, THRESHOLD);
    expect(warn).toHaveBeenCalledTimes(1);
    await probe(head, 2);
    expect(warn).toHaveBeenCalledTimes(2);
    const alert = (await alertsNow()).accounts.find((a: AnyData) => a.username === 'thamdo-cham');
    expect(alert).toMatchObject({ refusals: 7, minutes: 2 });
    // An alert older than a day is no longer listed.
    await earlier(25 * 3600);
    expect((await alertsNow()).accounts.map((a: AnyData) => a.username)).not.toContain('thamdo-cham');
  });

  test('the threshold is the server’s REFUSAL_ALERT_PER_MINUTE, 20 by default', async () => {
    expect(REFUSAL_ALERT_PER_MINUTE).toBe(20);
    expect(refusalAlertPerMinuteFromEnv({})).toBe(20);
    expect(refusalAlertPerMinuteFromEnv({ REFUSAL_ALERT_PER_MINUTE: '300' })).toBe(300);
    expect(() => refusalAlertPerMinuteFromEnv({ REFUSAL_ALERT_PER_MINUTE: '0' })).toThrow(/at least 1/);
    expect((await run(viewers.admin, '{ refusalAlerts { threshold } }')).data?.refusalAlerts.threshold).toBe(
      20,
    );
  });
});

describe('imports', () => {
  const reach902 = () => reachOf(viewers.d902, '2021-12-31');

  test('a steps row naming a person outside the reach gets the same problem as a code that names nobody', async () => {
    const refused: number[][] = [];
    const file = (code: string) => csv('social_insurance_code,step,date', `${code},APPROVED,2021-07-02`);
    const onPersonsRefused = async (persons: readonly number[]) => void refused.push([...persons]);
    const outside = await importFile(database, 'steps', file('9000000001'), {
      reach: reach902(),
      dryRun: true,
      onPersonsRefused,
    });
    const nobody = await importFile(database, 'steps', file('9999999999'), {
      reach: reach902(),
      dryRun: true,
      onPersonsRefused,
    });
    expect(outside.problems).toEqual(nobody.problems);
    expect(outside.problems.map((p) => p.code)).toEqual(['UNKNOWN_REFERENCE']);
    expect(problemLines(outside)).toEqual([
      'row 2, column social_insurance_code: no person with this social-insurance code in the area your account may act in; import it with the persons first',
    ]);
    // What the import refused is told for the refusal log: the person outside, not the unknown code.
    expect(refused).toEqual([[Number(ids['9000000001'])]]);
  });

  test('a persons row taking the code of a person of another area is refused on that code, and logged', async () => {
    // A code names one person: a new person cannot take it, and a district head may not move someone
    // else's. The refusal says the code is taken, which no answer could hide; it is logged instead.
    const { token } = await addAccount(database.db, { username: 'huyen902b', role: 'DISTRICT', area: '902' });
    const body = csv(
      'social_insurance_code,full_name,unit_code',
      '9000000001,Người khác,UC',
      '9300000001,Người mới,UC',
      '9300000002,Người mới,UA',
    );
    const response = await fetch(`${base}/imports/persons?dryRun=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-file-name': 'nguoi.csv', 'content-type': 'text/csv' },
      body,
    });
    const lines = (await response.text()).trim().split('\n');
    const { summary } = JSON.parse(lines.at(-1) as string);
    expect(summary.problems.map((p: AnyData) => [p.row, p.column, p.code])).toEqual([
      [2, 'social_insurance_code', 'OUT_OF_REACH'],
      // A unit of another district is not a person's: it may say so.
      [4, 'unit_code', 'OUT_OF_REACH'],
    ]);
    expect(JSON.stringify(summary.problems)).not.toContain('9000000001');
    expect(await refusalsOf('huyen902b')).toEqual([
      {
        field: 'import:persons',
        argument: ids['9000000001'],
        reason: 'OUT_OF_REACH',
        operation: 'nguoi.csv',
      },
    ]);
  });
});
