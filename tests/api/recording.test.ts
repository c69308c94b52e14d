import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { rebuildRollups } from '../../api/src/db/rollups.ts';
import { createApp } from '../../api/src/server.ts';
import { addHandMadeAccounts } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { blockersFromBaseTables, coverageFromBaseTables, rollupRows } from '../helpers/recompute.ts';

/*
 * Recording progress through the API on the hand-made data (helpers/hand-made.ts): province 90,
 * district 901 (units UA, UB; office BHXH-90) and 902 (unit UC; office BHXH-902). Officer S2 has UA
 * today (31/12/2021). Every mutation checks role and reach before writing, repeats harmlessly, keeps
 * the figures exact and leaves an audit row with the record before and after.
 */

type Who = 'admin' | 'province' | 'analyst' | 'd901' | 'd902' | 's2';

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
const viewers = {} as Record<Who, Viewer>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  Object.assign(
    viewers,
    await addHandMadeAccounts(database.db, ['admin', 'province', 'analyst', 'd901', 'd902', 's2']),
  );
  ({ apollo } = await createApp(database, { serveWeb: false }));
});
afterAll(() => database?.close());

function run(who: Who, query: string): Promise<GraphQLResult<AnyData>> {
  return execute(apollo, database, query, {}, new Date('2021-12-31T05:00:00Z'), viewers[who]);
}

async function ok(who: Who, query: string): Promise<AnyData> {
  const result = await run(who, query);
  expect(result.errors, query).toBeUndefined();
  return result.data as AnyData;
}

const codeOf = (result: GraphQLResult<AnyData>) => result.errors?.[0]?.extensions?.code;

async function auditRows(): Promise<number> {
  const [row] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`);
  return row?.n ?? 0;
}

async function tableSnapshot(): Promise<string> {
  const rows = await database.db.execute(sql`
    select (select json_agg(m order by unit_id, milestone) from unit_milestones m) as milestones,
      (select json_agg(s order by person_id, step) from person_steps s) as steps,
      (select json_agg(b order by person_id) from person_blockers b) as blockers,
      (select json_agg(a order by unit_id, from_date) from unit_assignments a) as assignments,
      (select json_agg(d order by area_id, day) from area_daily d) as area_daily`);
  return JSON.stringify(rows);
}

describe('recording a milestone', () => {
  test('an officer records one for their unit: as themselves, once, and the unit counts as contacted', async () => {
    // UB is not S2's: refused, and nothing is written
    const before = await tableSnapshot();
    const refused = await run(
      's2',
      'mutation { recordMilestone(unitId: "UB", milestone: GUIDE_SENT, date: "2021-12-01") { changed } }',
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('UB');
    expect(await tableSnapshot()).toBe(before);

    const mutation = `mutation { recordMilestone(unitId: "UA", milestone: REPRESENTATIVE_GUIDED, date: "2021-11-20", staffId: "S1", note: "Đã hướng dẫn chị Lan") {
      changed milestone { milestone date note staff { id } } } }`;
    const first = await ok('s2', mutation);
    expect(first.recordMilestone).toEqual({
      changed: true,
      milestone: {
        milestone: 'REPRESENTATIVE_GUIDED',
        date: '2021-11-20',
        note: 'Đã hướng dẫn chị Lan',
        staff: { id: 'S2' },
      },
    });
    const audits = await auditRows();
    const again = await ok('s2', mutation);
    expect(again.recordMilestone.changed).toBe(false);
    expect(await auditRows()).toBe(audits);
    // a later day changes nothing; an earlier one moves it
    const later = await ok('s2', mutation.replace('2021-11-20', '2021-12-05'));
    expect(later.recordMilestone).toMatchObject({ changed: false, milestone: { date: '2021-11-20' } });
    const earlier = await ok('s2', mutation.replace('2021-11-20', '2021-11-02'));
    expect(earlier.recordMilestone).toMatchObject({ changed: true, milestone: { date: '2021-11-02' } });
    const log = await ok(
      'admin',
      '{ auditLog(entity: "unit_milestone", entityKey: "UA/REPRESENTATIVE_GUIDED") { totalCount entries { actor action before after } } }',
    );
    expect(log.auditLog.totalCount).toBe(2);
    expect(log.auditLog.entries[0]).toMatchObject({ actor: 'canbo2', action: 'MILESTONE_RECORDED' });
    expect(JSON.parse(log.auditLog.entries[0].before)).toMatchObject({ date: '2021-11-20' });
    expect(JSON.parse(log.auditLog.entries[0].after)).toMatchObject({ date: '2021-11-02' });
  });

  test('UC contacted by district 902 counts from that day, and the figures equal the base tables', async () => {
    const asked = '{ coverage(scope: { areaId: "902" }, asOf: "2021-12-31") { unitsContacted } }';
    expect((await ok('d902', asked)).coverage.unitsContacted).toBe(0);
    await ok(
      'd902',
      'mutation { recordMilestone(unitId: "UC", milestone: LEADERSHIP_CONTACTED, date: "2021-09-15") { changed } }',
    );
    expect((await ok('d902', asked)).coverage.unitsContacted).toBe(1);
    const dayBefore = await ok(
      'd902',
      '{ coverage(scope: { areaId: "902" }, asOf: "2021-09-14") { unitsContacted } }',
    );
    expect(dayBefore.coverage.unitsContacted).toBe(0);
    const province = await ok('admin', '{ coverage(asOf: "2021-12-31") { unitsContacted } }');
    expect(province.coverage.unitsContacted).toBe(
      (await coverageFromBaseTables(database.db, '90', '2021-12-31')).unitsContacted,
    );
  });

  test('bad input says which argument and why; reading roles may not record', async () => {
    const future = await run(
      'admin',
      'mutation { recordMilestone(unitId: "UA", milestone: GUIDE_SENT, date: "2022-01-05") { changed } }',
    );
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(future.errors?.[0]?.message).toBe('"date" is 2022-01-05, after today (2021-12-31)');
    const impossible = await run(
      'admin',
      'mutation { recordMilestone(unitId: "UA", milestone: GUIDE_SENT, date: "2021-02-30") { changed } }',
    );
    expect(codeOf(impossible)).toBe('BAD_USER_INPUT');
    // The earliest day recorded is kept, so a mistyped year 1000 could never be corrected: refused.
    for (const mutation of [
      'mutation { recordMilestone(unitId: "UA", milestone: GUIDE_SENT, date: "1000-10-01") { changed } }',
      'mutation { recordSteps(step: REGISTERED, date: "1000-05-03", socialInsuranceCodes: ["9000000001"]) { written } }',
    ])
      expect(codeOf(await run('admin', mutation)), mutation).toBe('BAD_USER_INPUT');
    const unknown = await run(
      'admin',
      'mutation { recordMilestone(unitId: "NOPE", milestone: GUIDE_SENT, date: "2021-10-01") { changed } }',
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.extensions?.argument).toBe('unitId');
    const long = await run(
      'admin',
      `mutation { recordMilestone(unitId: "UA", milestone: GUIDE_SENT, date: "2021-10-01", note: "${'x'.repeat(1001)}") { changed } }`,
    );
    expect(long.errors?.[0]?.message).toBe('"note" has 1001 characters; at most 1000');
    for (const who of ['province', 'analyst'] as const) {
      const result = await run(
        who,
        'mutation { recordMilestone(unitId: "UA", milestone: GUIDE_SENT, date: "2021-10-01") { changed } }',
      );
      expect(codeOf(result), who).toBe('FORBIDDEN');
    }
  });
});

describe('marking persons’ steps from a pasted list', () => {
  test('forms received for district 901: written once, earliest day kept, figures exact', async () => {
    const mutation = (codes: string[], date: string) =>
      `mutation { recordSteps(step: FORM_SIGNED, date: "${date}", socialInsuranceCodes: ${JSON.stringify(codes)}) { written unchanged } }`;
    // p1 signed on 06-01 already; p2 and p5 not yet; p5 twice in the list
    const first = await ok(
      'd901',
      mutation(['9000000001', '9000000002', '9000000005', '9000000005'], '2021-10-01'),
    );
    expect(first.recordSteps).toEqual({ written: 2, unchanged: 1 });
    const again = await ok('d901', mutation(['9000000002', '9000000005'], '2021-10-01'));
    expect(again.recordSteps).toEqual({ written: 0, unchanged: 2 });
    const earlier = await ok('d901', mutation(['9000000002'], '2021-09-20'));
    expect(earlier.recordSteps).toEqual({ written: 1, unchanged: 0 });
    for (const [area, day] of [
      ['901', '2021-09-30'],
      ['90', '2021-10-01'],
      ['90', '2021-12-31'],
    ] as const) {
      const api = await ok(
        'admin',
        `{ coverage(scope: { areaId: "${area}" }, asOf: "${day}") { formSigned registered approved activated } }`,
      );
      const plain = await coverageFromBaseTables(database.db, area, day);
      expect(api.coverage, `${area} ${day}`).toEqual({
        formSigned: plain.formSigned,
        registered: plain.registered,
        approved: plain.approved,
        activated: plain.activated,
      });
    }
  });

  test('a dry run says how many persons the step would count as having passed the earlier steps, and writes nothing', async () => {
    // On 2021-08-01: p4 has no step at all, p2 is registered and approved but not activated, p3 is
    // activated (05-15) without a REGISTERED row, p6 verified (07-01) with nothing before: only p4 and
    // p2 lack ACTIVATED (or a later step) by the day. UA and UB are district 901's.
    const codes = ['9000000004', '9000000002', '9000000003', '9000000006'];
    const dry = `mutation { recordSteps(step: FORM_SIGNED, date: "2021-08-01", socialInsuranceCodes: ${JSON.stringify(codes)}, dryRun: true) { written unchanged implying } }`;
    const before = await tableSnapshot();
    const audits = await auditRows();
    const checked = await ok('d901', dry);
    expect(checked.recordSteps).toMatchObject({ implying: 2 });
    expect(checked.recordSteps.written + checked.recordSteps.unchanged).toBe(4);
    expect(await tableSnapshot()).toBe(before);
    expect(await auditRows()).toBe(audits);
    // Other mutations say nothing of it.
    const assigned = await ok(
      'd901',
      'mutation { assignOfficer(unitIds: ["UA"], staffId: "S2", from: "2021-06-01") { written unchanged implying } }',
    );
    expect(assigned.assignOfficer.implying).toBeNull();
  });

  test('one unknown, malformed or out-of-reach code and nothing is written; the error lists them', async () => {
    const before = await tableSnapshot();
    const unknown = await run(
      'd901',
      'mutation { recordSteps(step: VERIFIED, date: "2021-10-01", socialInsuranceCodes: ["9000000001", "9999999999"]) { written } }',
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toContain('9999999999');
    // The codes also come as data, for a client that words the message in its own language.
    expect(unknown.errors?.[0]?.extensions?.refused).toEqual({
      what: 'person',
      codes: ['9999999999'],
      count: 1,
    });
    const malformed = await run(
      'd901',
      'mutation { recordSteps(step: VERIFIED, date: "2021-10-01", socialInsuranceCodes: ["9000000001", "12345"]) { written } }',
    );
    expect(malformed.errors?.[0]?.message).toBe('A social-insurance code has 10 digits: 12345');
    const outside = await run(
      'd901',
      'mutation { recordSteps(step: VERIFIED, date: "2021-10-01", socialInsuranceCodes: ["9000000001", "9000000007"]) { written } }',
    );
    // The same answer as for a code that does not exist: the difference would tell a district head
    // whether a person of another district is insured.
    expect(codeOf(outside)).toBe('NOT_FOUND');
    expect(outside.errors?.[0]?.message).toBe(
      unknown.errors?.[0]?.message.replace('9999999999', '9000000007'),
    );
    expect(outside.errors?.[0]?.extensions?.refused).toEqual({
      what: 'person',
      codes: ['9000000007'],
      count: 1,
    });
    expect(
      codeOf(
        await run(
          's2',
          'mutation { recordSteps(step: VERIFIED, date: "2021-10-01", socialInsuranceCodes: ["9000000001"]) { written } }',
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await tableSnapshot()).toBe(before);
  });
});

describe('stuck reasons, assignments and training', () => {
  test('an officer sets and clears a stuck reason for a person of their unit; the blockers follow', async () => {
    const { unit } = await ok(
      's2',
      '{ unit(id: "UA") { persons(first: 10) { edges { node { id socialInsuranceCode } } } } }',
    );
    const p4 = unit.persons.edges.find((e: AnyData) => e.node.socialInsuranceCode.endsWith('0004')).node.id;
    const set = await ok(
      's2',
      `mutation { setBlocker(personId: "${p4}", reason: WRONG_PHONE, date: "2021-12-01", note: "Số cũ") { reason changed } }`,
    );
    expect(set.setBlocker).toEqual({ reason: 'WRONG_PHONE', changed: true });
    const blockers = await ok(
      'admin',
      '{ blockers(scope: { unitId: "UA" }, asOf: "2021-12-31") { reason persons } }',
    );
    // p2's WRONG_PHONE no longer counts: its Mẫu 01 (recorded above) implies it activated
    const count = (reason: string) => blockers.blockers.find((b: AnyData) => b.reason === reason).persons;
    expect([count('WRONG_PHONE'), count('NO_SMARTPHONE')]).toEqual([1, 0]);
    const cleared = await ok(
      's2',
      `mutation { setBlocker(personId: "${p4}", reason: null) { reason changed } }`,
    );
    expect(cleared.setBlocker).toEqual({ reason: null, changed: true });
    // The blocker rollups the figures are read from stayed exact through every write above: equal to
    // the persons counted one by one, and to a rebuild.
    for (const asOf of ['2021-05-20', '2021-06-15', '2021-12-31']) {
      const fromApi = await ok('admin', `{ blockers(asOf: "${asOf}") { reason persons } }`);
      expect(
        Object.fromEntries(
          fromApi.blockers
            .filter((b: AnyData) => b.reason !== 'UNKNOWN' && b.persons > 0)
            .map((b: AnyData) => [b.reason, b.persons]),
        ),
        asOf,
      ).toEqual(await blockersFromBaseTables(database.db, sql`select id from units`, asOf));
    }
    const kept = await rollupRows(database.db);
    await database.db.transaction((tx) => rebuildRollups(tx));
    expect(await rollupRows(database.db)).toEqual(kept);
    // A person outside the reach is answered as an id that names nobody: the difference would let a
    // district head probe ids for the persons of another district.
    const outside = await run(
      'd902',
      `mutation { setBlocker(personId: "${p4}", reason: OTHER) { changed } }`,
    );
    const nobody = await run(
      'd902',
      'mutation { setBlocker(personId: "999999", reason: OTHER) { changed } }',
    );
    expect(codeOf(outside)).toBe('NOT_FOUND');
    expect(JSON.stringify(outside).replaceAll(p4, 'ID')).toBe(
      JSON.stringify(nobody).replaceAll('999999', 'ID'),
    );
    expect(
      codeOf(await run('admin', 'mutation { setBlocker(personId: "abc", reason: OTHER) { changed } }')),
    ).toBe('BAD_USER_INPUT');
  });

  test('an administrator hands UB to S2 from a day: history kept, the officer figures follow', async () => {
    const mutation =
      'mutation { assignOfficer(unitIds: ["UB"], staffId: "S2", from: "2021-11-01") { written unchanged } }';
    expect((await ok('admin', mutation)).assignOfficer).toEqual({ written: 1, unchanged: 0 });
    expect((await ok('admin', mutation)).assignOfficer).toEqual({ written: 0, unchanged: 1 });
    const units = (day: string) =>
      ok('admin', `{ coverage(scope: { staffId: "S2" }, asOf: "${day}") { units } }`);
    expect((await units('2021-10-31')).coverage.units).toBe(1);
    expect((await units('2021-11-01')).coverage.units).toBe(2);
    expect(codeOf(await run('d902', mutation))).toBe('FORBIDDEN');
    expect(codeOf(await run('admin', mutation.replace('"S2"', '"S9"')))).toBe('NOT_FOUND');
  });

  test('a training session records attendance once and reaches TRAINING_ATTENDED', async () => {
    // the provincial office's session is not a district's to record
    const provincial =
      'mutation { recordTraining(officeId: "BHXH-90", heldOn: "2021-10-10", title: "T", unitIds: ["UA"]) { units { written } } }';
    expect(codeOf(await run('d901', provincial))).toBe('FORBIDDEN');
    const mutation = `mutation { recordTraining(officeId: "BHXH-90", heldOn: "2021-10-10", title: "Tập huấn VssID", location: "Hội trường", unitIds: ["UA", "UB"]) {
      session { id title office { id } } units { written unchanged } } }`;
    const first = await ok('admin', mutation);
    expect(first.recordTraining.units).toEqual({ written: 2, unchanged: 0 });
    const again = await ok('admin', mutation);
    expect(again.recordTraining.session.id).toBe(first.recordTraining.session.id);
    expect(again.recordTraining.units).toEqual({ written: 0, unchanged: 2 });
    const trained = await ok(
      'admin',
      '{ units(scope: { areaId: "901" }, filter: { reached: TRAINING_ATTENDED }, asOf: "2021-10-10") { totalCount } }',
    );
    expect(trained.units.totalCount).toBe(2);
    expect(codeOf(await run('d902', mutation))).toBe('FORBIDDEN');
    const own = mutation.replace('BHXH-90', 'BHXH-902').replace('["UA", "UB"]', '["UC"]');
    expect((await ok('d902', own)).recordTraining.units).toEqual({ written: 1, unchanged: 0 });
    const empty = await run('admin', mutation.replace('"Tập huấn VssID"', '"  "'));
    expect(empty.errors?.[0]?.message).toBe('"title" is empty');
  });

  test('only an administrator reads the audit log', async () => {
    for (const who of ['province', 'analyst', 'd901', 's2'] as const)
      expect(codeOf(await run(who, '{ auditLog { totalCount } }')), who).toBe('FORBIDDEN');
    const all = await ok('admin', '{ auditLog(first: 500) { totalCount entries { action } } }');
    expect(all.auditLog.totalCount).toBe(await auditRows());
    expect(new Set(all.auditLog.entries.map((e: AnyData) => e.action))).toEqual(
      new Set([
        'MILESTONE_RECORDED',
        'STEP_RECORDED',
        'BLOCKER_SET',
        'BLOCKER_CLEARED',
        'OFFICER_ASSIGNED',
        'TRAINING_RECORDED',
      ]),
    );
  });
});
