import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { addHandMadeAccounts } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, expectBadUserInput, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';

/*
 * The hand-made data (helpers/hand-made.ts) and one unit more, UD in commune 90201 (district 902):
 * three persons, two activated by 1/7. On 31/12/2021, insured − activated:
 *   UA 4 − 2 = 2, UB 2 − 2 = 0, UC 1 − 0 = 1, UD 3 − 2 = 1 (a tie with UC, broken by size: UD first).
 */
const FIXTURE = {
  ...HAND_MADE,
  units: [
    ...HAND_MADE.units,
    {
      code: 'UD',
      areaCode: '90201',
      officeCode: 'BHXH-902',
      sector: 'DNNN',
      persons: {
        '9000000008': { ACTIVATED: '2021-06-01' },
        '9000000009': { ACTIVATED: '2021-07-01' },
        '9000000010': {},
      },
    },
  ],
};

type Who = 'admin' | 'analyst' | 'd901' | 'd902';

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let viewers: Record<Who, Viewer>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, FIXTURE);
  viewers = await addHandMadeAccounts(database.db, ['admin', 'analyst', 'd901', 'd902'] as const);
  ({ apollo } = await createApp(database, { serveWeb: false }));
});
afterAll(() => database?.close());

function run(who: Who, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<AnyData>> {
  return execute(apollo, database, query, variables, new Date('2021-12-31T05:00:00Z'), viewers[who]);
}

async function codes(who: Who, args: string): Promise<string[]> {
  const result = await run(who, `{ units(${args}) { totalCount edges { node { id } } } }`);
  expect(result.errors).toBeUndefined();
  return result.data?.units.edges.map((e: { node: { id: string } }) => e.node.id);
}

describe('units ordered by persons not yet activated', () => {
  test('most left to activate first, ties broken by the larger unit', async () => {
    expect(await codes('admin', 'orderBy: NOT_ACTIVATED')).toEqual(['UA', 'UD', 'UC', 'UB']);
    expect(await codes('admin', 'orderBy: NOT_ACTIVATED_ASC')).toEqual(['UB', 'UC', 'UD', 'UA']);
  });

  test('on an earlier day, the figures of that day', async () => {
    // 15/6: UA 4 − 2 (p1, p3), UB 2 − 1 (p5), UC 1 − 0, UD 3 − 1 (p8): UA and UD tie at 2, UA larger.
    expect(await codes('admin', 'asOf: "2021-06-15", orderBy: NOT_ACTIVATED')).toEqual([
      'UA',
      'UD',
      'UB',
      'UC',
    ]);
  });

  test("within the caller's reach only, on the area's list too", async () => {
    expect(await codes('d901', 'orderBy: NOT_ACTIVATED')).toEqual(['UA', 'UB']);
    expect(await codes('d902', 'orderBy: NOT_ACTIVATED')).toEqual(['UD', 'UC']);
    const area = await run(
      'd902',
      '{ area(id: "902") { units(orderBy: NOT_ACTIVATED, first: 1) { totalCount edges { node { id } } } } }',
    );
    expect(area.data?.area.units).toEqual({ totalCount: 2, edges: [{ node: { id: 'UD' } }] });
  });

  test('paged by position, with a cursor or an offset', async () => {
    const first = await run(
      'admin',
      '{ units(orderBy: NOT_ACTIVATED, first: 2) { edges { node { id } } pageInfo { endCursor } } }',
    );
    const after = first.data?.units.pageInfo.endCursor;
    expect(await codes('admin', `orderBy: NOT_ACTIVATED, first: 2, after: "${after}"`)).toEqual(['UC', 'UB']);
    expect(await codes('admin', 'orderBy: NOT_ACTIVATED, first: 2, offset: 2')).toEqual(['UC', 'UB']);
    expect(await codes('admin', 'orderBy: CODE, first: 2, offset: 1')).toEqual(['UB', 'UC']);
  });

  test('every column order, ending on the code', async () => {
    expect(await codes('admin', 'orderBy: TARGET_DESC')).toEqual(['UA', 'UD', 'UB', 'UC']);
    expect(await codes('admin', 'orderBy: ACTIVATED_ASC')).toEqual(['UC', 'UA', 'UB', 'UD']);
    expect(await codes('admin', 'orderBy: CODE_DESC')).toEqual(['UD', 'UC', 'UB', 'UA']);
    // Sectors in their official order (HCSN, DNNN, FDI, NQD, HTX, KHAC), the enum's.
    expect(await codes('admin', 'orderBy: SECTOR')).toEqual(['UB', 'UD', 'UC', 'UA']);
    // Only UA has an officer; the units nobody is in charge of come last either way, by code.
    expect(await codes('admin', 'orderBy: OFFICER_DESC')).toEqual(['UA', 'UB', 'UC', 'UD']);
    expect(await codes('admin', 'asOf: "2021-03-01", orderBy: OFFICER')).toEqual(['UA', 'UB', 'UC', 'UD']);
  });

  test("an area's page is the same asked alone as beside the other areas'", async () => {
    // One area is asked by a statement of its own (top-N sorted), several at once by one statement
    // with a window per area: both must give every page the same units and the same counts.
    const page = 'first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } }';
    const cases = [
      ['admin', 'DISTRICT', '902'],
      ['d902', 'COMMUNE', '90201'],
    ] as const;
    for (const [who, level, id] of cases)
      for (const asOf of ['2021-06-15', '2021-12-31'])
        for (const order of ['NOT_ACTIVATED', 'ACTIVATION_RATE_ASC', 'OFFICER', 'CODE_DESC']) {
          const args = `orderBy: ${order}, asOf: "${asOf}", ${page}`;
          const alone = await run(who, `{ area(id: "${id}") { units(${args} } }`);
          const beside = await run(who, `{ areas(level: ${level}) { id units(${args} } }`);
          const label = `${who} ${asOf} ${order}`;
          expect(alone.errors, label).toBeUndefined();
          expect(beside.errors, label).toBeUndefined();
          const many = beside.data?.areas as { id: string; units: unknown }[];
          expect(many.length, label).toBeGreaterThan(1);
          expect(many.find((a) => a.id === id)?.units, label).toEqual(alone.data?.area.units);
          expect(alone.data?.area.units.totalCount, label).toBeGreaterThan(0);
        }
  });

  test("the province's units in activation order are the same read together as read one by one", async () => {
    // The province's own page and the units of everything read every unit's counts at once (by the
    // span of their rows); the same units named by their province's area read them unit by unit.
    const page = 'first: 4) { totalCount edges { node { id coverage(asOf: $asOf) { activated target } } } }';
    const query = `query ($asOf: Date) {
      area(id: "90") { units(orderBy: $order, asOf: $asOf, ${page} }
      everything: units(orderBy: $order, asOf: $asOf, ${page}
      named: units(scope: { areaId: "90" }, orderBy: $order, asOf: $asOf, ${page}
    }`;
    for (const asOf of ['2021-04-30', '2021-05-04', '2021-06-15', '2021-12-31'])
      for (const order of ['ACTIVATION_RATE_ASC', 'NOT_ACTIVATED', 'ACTIVATED_DESC']) {
        const result = await run('admin', query.replaceAll('$order', order), { asOf });
        const label = `${asOf} ${order}`;
        expect(result.errors, label).toBeUndefined();
        expect(result.data?.area.units, label).toEqual(result.data?.named);
        expect(result.data?.everything, label).toEqual(result.data?.named);
      }
  });

  test('the arguments are checked', async () => {
    const unknown = await run('admin', '{ units(orderBy: LEFT) { totalCount } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const cursor = (
      await run('admin', '{ units(orderBy: NOT_ACTIVATED, first: 1) { pageInfo { endCursor } } }')
    ).data?.units.pageInfo.endCursor;
    expectBadUserInput(
      await run('admin', `{ units(orderBy: ACTIVATION_RATE_ASC, after: "${cursor}") { totalCount } }`),
      'after',
    );
    const negative = await run('admin', '{ units(orderBy: NOT_ACTIVATED, offset: -1) { totalCount } }');
    expectBadUserInput(negative, 'offset');
    expect(negative.errors?.[0]?.extensions?.reason).toEqual({
      code: 'BAD_OFFSET',
      args: { offset: -1, max: 1_000_000 },
    });
    const both = await run(
      'admin',
      `{ units(orderBy: NOT_ACTIVATED, offset: 1, after: "${cursor}") { totalCount } }`,
    );
    expectBadUserInput(both, 'offset');
    expect(both.errors?.[0]?.extensions?.reason).toEqual({ code: 'AFTER_AND_OFFSET', args: {} });
  });
});

describe("a unit's persons ordered by step", () => {
  test('least far first or furthest first, paged by offset', async () => {
    const tails = async (args: string) => {
      const result = await run(
        'd901',
        `{ unit(id: "UA") { persons(${args}) { edges { node { socialInsuranceCode step } } } } }`,
      );
      expect(result.errors).toBeUndefined();
      return result.data?.unit.persons.edges.map((e: { node: { socialInsuranceCode: string } }) =>
        e.node.socialInsuranceCode.slice(-1),
      );
    };
    // On 31/12: p4 no step, p2 APPROVED, p3 ACTIVATED, p1 VERIFIED.
    expect(await tails('orderBy: STEP')).toEqual(['4', '2', '3', '1']);
    expect(await tails('orderBy: STEP_DESC')).toEqual(['1', '3', '2', '4']);
    expect(await tails('orderBy: STEP, first: 2, offset: 2')).toEqual(['3', '1']);
    expectBadUserInput(
      await run('d901', '{ unit(id: "UA") { persons(offset: 1000001) { totalCount } } }'),
      'offset',
    );
  });
});

describe('a download of persons is written to the access log', () => {
  const record = `mutation ($unitId: ID!, $personIds: [ID!]!) {
    recordPersonsDownload(unitId: $unitId, personIds: $personIds, format: CSV)
  }`;

  async function personIds(who: Who, unit: string): Promise<string[]> {
    const result = await run(who, `{ unit(id: "${unit}") { persons { edges { node { id } } } } }`);
    return result.data?.unit.persons.edges.map((e: { node: { id: string } }) => e.node.id);
  }

  test('a district head downloads their unit, and the entry says how many rows', async () => {
    const ids = await personIds('d901', 'UA');
    expect(ids).toHaveLength(4);
    const result = await run('d901', record, { unitId: 'UA', personIds: ids });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordPersonsDownload).toBe(4);
    const log = await run(
      'admin',
      '{ accessLog(username: "huyen901") { entries { kind rows field personIds } } }',
    );
    expect(log.data?.accessLog.entries[0]).toEqual({
      kind: 'DOWNLOAD',
      rows: 4,
      field: 'Download.CSV',
      personIds: ids,
    });
    expect(log.data?.accessLog.entries[1]).toMatchObject({ kind: 'READ', field: 'Unit.persons' });
  });

  test('persons of another unit or out of reach are refused, and so is a role that reads figures', async () => {
    const ua = await personIds('admin', 'UA');
    const uc = await personIds('admin', 'UC');
    const mixed = await run('d901', record, { unitId: 'UA', personIds: [...ua, ...uc] });
    expect(mixed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(mixed.errors?.[0]?.extensions?.reason).toEqual({
      code: 'DOWNLOAD_OUT_OF_REACH',
      args: { unit: 'UA' },
    });
    const elsewhere = await run('d901', record, { unitId: 'UC', personIds: uc });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const analyst = await run('analyst', record, { unitId: 'UA', personIds: ua });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expectBadUserInput(await run('d901', record, { unitId: 'UA', personIds: [] }), 'personIds');
    const refusals = await run(
      'admin',
      '{ refusals(username: "huyen901") { entries { field argument reason } } }',
    );
    expect(refusals.data?.refusals.entries).toContainEqual({
      field: 'Download.CSV',
      argument: 'UC',
      reason: 'OUT_OF_REACH',
    });
  });
});
