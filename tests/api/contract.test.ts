import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContext } from '../../api/src/context.ts';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { createTestDatabase, holdTable, onPostgres } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import {
  type AnyData,
  execute,
  expectBadUserInput,
  type GraphQLResult,
  TEST_ADMIN,
} from '../helpers/graphql.ts';
import { figures, HAND_MADE } from '../helpers/hand-made.ts';

/* breakdown, trend, unit and units on the hand-made data set (see helpers/hand-made.ts). */

let database: Database;
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<AnyData>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  const { apollo } = await createApp(database, { serveWeb: false });
  run = (query, variables) => execute(apollo, database, query, variables);
});
afterAll(() => database?.close());

const BREAKDOWN = `query ($by: Dimension!, $scope: Scope, $asOf: Date) {
  breakdown(by: $by, scope: $scope, asOf: $asOf) {
    key label
    coverage { target registered approved activated formSigned verified activationRate units unitsContacted }
  }
}`;

async function breakdown(by: string, asOf: string, scope?: Record<string, unknown>) {
  const result = await run(BREAKDOWN, { by, asOf, scope });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.breakdown as { key: string; label: string; coverage: ReturnType<typeof figures> }[];
}

describe('breakdown', () => {
  test('by district: one row per district, named, with the figures worked out by hand', async () => {
    expect(await breakdown('DISTRICT', '2021-12-31')).toEqual([
      { key: '901', label: 'Thành phố Biển Xanh', coverage: figures(6, 5, 5, 4, 2, 2, 2, 2) },
      { key: '902', label: 'Huyện Núi Cao', coverage: figures(1, 1, 0, 0, 0, 0, 1, 0) },
    ]);
  });

  test('by commune, office, sector and unit', async () => {
    const ua = figures(4, 3, 3, 2, 1, 1, 1, 1);
    const ub = figures(2, 2, 2, 2, 1, 1, 1, 1);
    const uc = figures(1, 1, 0, 0, 0, 0, 1, 0);
    expect((await breakdown('COMMUNE', '2021-12-31')).map((r) => [r.key, r.coverage])).toEqual([
      ['90101', ua],
      ['90102', ub],
      ['90201', uc],
    ]);
    expect((await breakdown('OFFICE', '2021-12-31')).map((r) => [r.key, r.label, r.coverage.target])).toEqual(
      [
        ['BHXH-90', 'BHXH BHXH-90', 6],
        ['BHXH-902', 'BHXH BHXH-902', 1],
      ],
    );
    expect((await breakdown('SECTOR', '2021-12-31')).map((r) => [r.key, r.label, r.coverage])).toEqual([
      ['HCSN', 'Hành chính sự nghiệp, Đảng, đoàn thể', ub],
      ['FDI', 'Doanh nghiệp có vốn đầu tư nước ngoài', uc],
      ['NQD', 'Doanh nghiệp ngoài quốc doanh', ua],
    ]);
    expect((await breakdown('UNIT', '2021-12-31')).map((r) => [r.key, r.label])).toEqual([
      ['UA', 'Đơn vị UA'],
      ['UB', 'Đơn vị UB'],
      ['UC', 'Đơn vị UC'],
    ]);
  });

  test('by officer follows the assignment in force on asOf, and units with none form the row "none"', async () => {
    const may = await breakdown('STAFF', '2021-05-15');
    const june = await breakdown('STAFF', '2021-06-15');
    expect(may.map((r) => [r.key, r.coverage.units])).toEqual([
      ['S1', 1],
      ['none', 2],
    ]);
    expect(june).toEqual([
      { key: 'S2', label: 'Cán bộ S2', coverage: figures(4, 3, 3, 2, 1, 1, 1, 1) },
      { key: 'none', label: 'Chưa phân công', coverage: figures(3, 2, 1, 1, 0, 0, 2, 1) },
    ]);
  });

  test('within a scope: only the scope’s units, adding up to its coverage', async () => {
    const rows = await breakdown('COMMUNE', '2021-06-15', { areaId: '901' });
    expect(rows.map((r) => r.key)).toEqual(['90101', '90102']);
    const sum = rows.reduce((total, r) => total + r.coverage.activated, 0);
    const whole = await run('{ coverage(scope: { areaId: "901" }, asOf: "2021-06-15") { activated } }');
    expect(sum).toBe(whole.data?.coverage.activated);
  });
});

describe('trend', () => {
  const TREND = `query ($scope: Scope, $from: Date!, $to: Date!) {
    trend(scope: $scope, from: $from, to: $to) { date registered approved activated formSigned verified }
  }`;
  const point = (date: string, r: number, a: number, act: number, f: number, v: number) => ({
    date,
    registered: r,
    approved: a,
    activated: act,
    formSigned: f,
    verified: v,
  });

  test('one cumulative point a day, counting what came before the first day', async () => {
    const result = await run(TREND, { from: '2021-05-01', to: '2021-05-05' });
    expect(result.data?.trend).toEqual([
      point('2021-05-01', 1, 0, 0, 0, 0),
      point('2021-05-02', 1, 0, 0, 0, 0),
      point('2021-05-03', 2, 0, 0, 0, 0),
      point('2021-05-04', 3, 0, 0, 0, 0),
      point('2021-05-05', 3, 1, 0, 0, 0),
    ]);
  });

  test('for an officer: the units in their charge on the last day', async () => {
    const result = await run(TREND, { scope: { staffId: 'S2' }, from: '2021-06-09', to: '2021-06-10' });
    expect(result.data?.trend).toEqual([
      point('2021-06-09', 3, 3, 2, 1, 0),
      point('2021-06-10', 3, 3, 2, 1, 1),
    ]);
  });

  test('one day is one point; to before from is BAD_USER_INPUT naming "to"', async () => {
    expect((await run(TREND, { from: '2021-06-01', to: '2021-06-01' })).data?.trend).toHaveLength(1);
    const wrong = await run(TREND, { from: '2021-06-02', to: '2021-06-01' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toContain('"to" (2021-06-01) is before "from" (2021-06-02)');
    const tooLong = await run(TREND, { from: '2000-01-01', to: '2021-06-01' });
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('unit and units', () => {
  test('a unit with its district, commune, office and coverage', async () => {
    const result = await run(`{ unit(id: "UA") {
      id code name sector district { id } commune { id } office { id area { id } }
      coverage(asOf: "2021-12-31") { target activated }
    } }`);
    expect(result.data?.unit).toEqual({
      id: 'UA',
      code: 'UA',
      name: 'Đơn vị UA',
      sector: 'NQD',
      district: { id: '901' },
      commune: { id: '90101' },
      office: { id: 'BHXH-90', area: { id: '90' } },
      coverage: { target: 4, activated: 2 },
    });
    expect((await run('{ unit(id: "NOPE") { id } }')).data?.unit).toBeNull();
  });

  test('pages through a scope by code with cursors and a total count', async () => {
    const PAGE = `query ($after: String) { units(first: 2, after: $after) {
      edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`;
    const first = (await run(PAGE)).data?.units;
    expect(first.edges.map((e: AnyData) => e.node.id)).toEqual(['UA', 'UB']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(3);
    const second = (await run(PAGE, { after: first.pageInfo.endCursor })).data?.units;
    expect(second.edges.map((e: AnyData) => e.node.id)).toEqual(['UC']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0].cursor });
    expect(second.totalCount).toBe(3);
    const scoped = (await run('{ units(scope: { areaId: "902" }) { totalCount edges { node { id } } } }'))
      .data?.units;
    expect(scoped).toEqual({ totalCount: 1, edges: [{ node: { id: 'UC' } }] });
  });

  test.each([
    ['first: 0', 'first'],
    ['first: 501', 'first'],
    ['after: "not-a-cursor"', 'after'],
  ])('units(%s) is BAD_USER_INPUT naming the argument', async (args, argument) => {
    const result = await run(`{ units(${args}) { totalCount } }`);
    expectBadUserInput(result, argument);
  });
});

describe('units filtered, searched and ordered', () => {
  const ids = async (args: string) => {
    const result = await run(
      `{ units(${args}) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data?.units as {
      totalCount: number;
      edges: { cursor: string; node: { id: string } }[];
      pageInfo: AnyData;
    };
  };

  test('search ignores case and Vietnamese diacritics', async () => {
    expect((await ids('filter: { search: "don vi ua" }')).edges.map((e) => e.node.id)).toEqual(['UA']);
    expect((await ids('filter: { search: "ĐƠN VỊ U" }')).totalCount).toBe(3);
    expect((await ids('filter: { search: "  Đơn   vị  UB " }')).edges.map((e) => e.node.id)).toEqual(['UB']);
    expect((await ids('filter: { search: "100%_" }')).totalCount).toBe(0);
  });

  test('by milestone reached or not on a day', async () => {
    expect(
      (await ids('asOf: "2021-05-01", filter: { notContacted: true }')).edges.map((e) => e.node.id),
    ).toEqual(['UB', 'UC']);
    expect(
      (await ids('asOf: "2021-06-01", filter: { reached: LEADERSHIP_CONTACTED }')).edges.map(
        (e) => e.node.id,
      ),
    ).toEqual(['UA', 'UB']);
    expect(
      (await ids('asOf: "2021-06-01", filter: { notReached: LEADERSHIP_CONTACTED }')).edges.map(
        (e) => e.node.id,
      ),
    ).toEqual(['UC']);
  });

  test('by activation rate on a day, lagging first, paged by position', async () => {
    expect(
      (await ids('asOf: "2021-12-31", orderBy: ACTIVATION_RATE_DESC')).edges.map((e) => e.node.id),
    ).toEqual(['UB', 'UA', 'UC']);
    expect((await ids('orderBy: NAME')).edges.map((e) => e.node.id)).toEqual(['UA', 'UB', 'UC']);
    const first = await ids('asOf: "2021-12-31", orderBy: ACTIVATION_RATE_ASC, first: 2');
    expect(first.edges.map((e) => e.node.id)).toEqual(['UC', 'UA']);
    expect(first.totalCount).toBe(3);
    const rest = await ids(
      `asOf: "2021-12-31", orderBy: ACTIVATION_RATE_ASC, first: 2, after: "${first.pageInfo.endCursor}"`,
    );
    expect(rest.edges.map((e) => e.node.id)).toEqual(['UB']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const mixed = await run(`{ units(orderBy: NAME, after: "${first.pageInfo.endCursor}") { totalCount } }`);
    expect(mixed.errors?.[0]?.extensions?.argument).toBe('after');
  });
});

describe('drill-down', () => {
  test('a unit’s officer on a day, its assignment history, milestones and trainings', async () => {
    const result = await run(`{ unit(id: "UA") {
      before: officer(asOf: "2021-03-01") { id }
      may: officer(asOf: "2021-05-15") { id fullName office { id } }
      june: officer(asOf: "2021-06-15") { id }
      assignments { staff { id } from until }
      milestones { milestone date staff { id } note }
      trainings { id }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.unit).toEqual({
      before: null,
      may: { id: 'S1', fullName: 'Cán bộ S1', office: { id: 'BHXH-90' } },
      june: { id: 'S2' },
      assignments: [
        { staff: { id: 'S1' }, from: '2021-04-01', until: '2021-06-01' },
        { staff: { id: 'S2' }, from: '2021-06-01', until: null },
      ],
      milestones: [{ milestone: 'LEADERSHIP_CONTACTED', date: '2021-04-20', staff: null, note: null }],
      trainings: [],
    });
  });

  test('an officer’s units and coverage follow the hand-over day', async () => {
    const result = await run(`{
      s1: staff(id: "S1") { may: units(asOf: "2021-05-15") { totalCount edges { node { id } } } june: units(asOf: "2021-06-15") { totalCount } }
      s2: staff(id: "S2") { coverage(asOf: "2021-06-15") { target registered approved activated formSigned verified activationRate units unitsContacted } }
      nobody: staff(id: "S9") { id }
    }`);
    expect(result.data).toEqual({
      s1: { may: { totalCount: 1, edges: [{ node: { id: 'UA' } }] }, june: { totalCount: 0 } },
      s2: { coverage: figures(4, 3, 3, 2, 1, 1, 1, 1) },
      nobody: null,
    });
  });

  test('offices with their officers and coverage', async () => {
    const result = await run(`{
      offices { id area { id } staff { id } coverage(asOf: "2021-12-31") { target activated units } }
      office(id: "NONE") { id }
    }`);
    expect(result.data).toEqual({
      offices: [
        {
          id: 'BHXH-90',
          area: { id: '90' },
          staff: [{ id: 'S1' }, { id: 'S2' }],
          coverage: { target: 6, activated: 4, units: 2 },
        },
        { id: 'BHXH-902', area: { id: '902' }, staff: [], coverage: { target: 1, activated: 0, units: 1 } },
      ],
      office: null,
    });
  });

  test('an area’s trend and units, and a unit’s trend', async () => {
    const result = await run(`{
      area(id: "901") {
        trend(from: "2021-05-03", to: "2021-05-04") { date registered approved }
        units(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id trend(from: "2021-05-04", to: "2021-05-05") { registered approved } } } }
      }
    }`);
    expect(result.data?.area).toEqual({
      trend: [
        { date: '2021-05-03', registered: 1, approved: 0 },
        { date: '2021-05-04', registered: 2, approved: 0 },
      ],
      units: {
        totalCount: 2,
        pageInfo: { hasNextPage: true },
        edges: [
          {
            node: {
              id: 'UA',
              trend: [
                { registered: 2, approved: 0 },
                { registered: 2, approved: 1 },
              ],
            },
          },
        ],
      },
    });
  });
});

describe('errors', () => {
  test('an internal error tells the caller nothing of SQL or stack', async () => {
    // A database whose tables are not what the code expects: the statement fails with SQL in its text.
    const broken = await createTestDatabase();
    await broken.db.execute(sql`drop table areas cascade`);
    const { apollo } = await createApp(broken, { serveWeb: false });
    const result = await execute(apollo, broken, '{ areas(level: DISTRICT) { id } }');
    await broken.close();
    expect(result.errors?.[0]).toEqual({
      message: 'Internal server error',
      path: ['areas'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  test.runIf(onPostgres)('a statement past the deadline is stopped and answered QUERY_TIMEOUT', async () => {
    const slow = await createTestDatabase({ statementTimeoutMs: 300 });
    await loadFixture(slow.db, HAND_MADE);
    const { apollo } = await createApp(slow, { serveWeb: false });
    // The areas are locked away by another transaction: the question waits, past its deadline.
    const lock = await holdTable(slow, 'areas');
    try {
      const result = await execute(apollo, slow, '{ areas(level: DISTRICT) { id } }');
      expect(result.errors?.[0]).toEqual({
        message: expect.stringMatching(/took longer than the server allows/),
        path: ['areas'],
        extensions: { code: 'QUERY_TIMEOUT' },
      });
    } finally {
      await lock.release();
    }
    // The deadline was the statement's: the next question is answered.
    expect((await execute(apollo, slow, '{ areas(level: DISTRICT) { id } }')).errors).toBeUndefined();
    await slow.close();
  });

  test('a database that is away is SERVICE_UNAVAILABLE, a state to wait out rather than a fault', async () => {
    const gone = await createTestDatabase();
    await gone.close();
    const { apollo } = await createApp(gone, { serveWeb: false });
    const response = await apollo.executeOperation(
      { query: '{ areas(level: DISTRICT) { id } }' },
      { contextValue: createContext(gone.db, TEST_ADMIN, new Date()) },
    );
    expect(response.http.status).toBe(503);
    expect(response.http.headers.get('retry-after')).toBe('5');
    expect(response.body.kind === 'single' && response.body.singleResult.errors?.[0]).toEqual({
      message: expect.stringMatching(/database/),
      path: ['areas'],
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });
});
