import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVERYTHING } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { getAreaByCode } from '../../api/src/db/queries/areas.ts';
import { setGoal } from '../../api/src/db/queries/goals.ts';
import { createApp } from '../../api/src/server.ts';
import { createTestDatabase, firstGeographyId } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, expectBadUserInput, type GraphQLResult } from '../helpers/graphql.ts';
import { figures, HAND_MADE } from '../helpers/hand-made.ts';

/* blockers, pace, forecast and change on the hand-made data set (see helpers/hand-made.ts). */

let database: Database;
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<AnyData>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  const { apollo } = await createApp(database, { serveWeb: false });
  run = (query, variables) => execute(apollo, database, query, variables);
});
afterAll(() => database?.close());

const counts = (rows: { reason: string; persons: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.persons > 0).map((r) => [r.reason, r.persons]));

describe('blockers', () => {
  const BLOCKERS =
    'query ($asOf: Date, $scope: Scope) { blockers(scope: $scope, asOf: $asOf) { reason label persons share } }';

  test('on 10/5: one person declined, five stuck with no reason recorded yet', async () => {
    const rows = (await run(BLOCKERS, { asOf: '2021-05-10' })).data?.blockers;
    expect(counts(rows)).toEqual({ DECLINED: 1, UNKNOWN: 5 });
    expect(rows).toHaveLength(8);
    expect(rows.find((r: AnyData) => r.reason === 'UNKNOWN').label).toBe('Chưa ghi nhận lý do');
  });

  test('on 31/12: a person who activated since no longer counts; the rows add up to target - activated', async () => {
    const rows = (await run(BLOCKERS, { asOf: '2021-12-31' })).data?.blockers;
    expect(counts(rows)).toEqual({ WRONG_PHONE: 1, NO_SMARTPHONE: 1, DATA_MISMATCH: 1 });
    expect(rows.find((r: AnyData) => r.reason === 'WRONG_PHONE').share).toBeCloseTo(1 / 3);
    const district = (await run(BLOCKERS, { asOf: '2021-12-31', scope: { areaId: '902' } })).data?.blockers;
    expect(counts(district)).toEqual({ DATA_MISMATCH: 1 });
  });
});

describe('pace and forecast', () => {
  test('activations in the 7 and 28 days up to a day', async () => {
    const result = await run(
      '{ pace(asOf: "2021-06-15") { asOf last7Days last28Days perDayLast7 perDayLast28 } }',
    );
    expect(result.data?.pace).toEqual({
      asOf: '2021-06-15',
      last7Days: 0,
      last28Days: 1,
      perDayLast7: 0,
      perDayLast28: 1 / 28,
    });
  });

  test('at one activation in 28 days, the one more needed for 50 % takes 28 days', async () => {
    const result = await run(
      '{ forecast(asOf: "2021-06-15", targetRate: 0.5) { targetRate currentRate activationsNeeded perDay date } }',
    );
    expect(result.data?.forecast).toEqual({
      targetRate: 0.5,
      currentRate: 3 / 7,
      activationsNeeded: 1,
      perDay: 1 / 28,
      date: '2021-07-13',
    });
  });

  test('a target already reached is reached on the day; with no pace it never is', async () => {
    const reached = await run('{ forecast(asOf: "2021-06-15", targetRate: 0.4) { activationsNeeded date } }');
    const stalled = await run('{ forecast(asOf: "2021-06-15", targetRate: 0.5, window: 7) { perDay date } }');
    expect(reached.data?.forecast).toEqual({ activationsNeeded: 0, date: '2021-06-15' });
    expect(stalled.data?.forecast).toEqual({ perDay: 0, date: null });
  });

  test.each([
    ['targetRate: 0', 'targetRate'],
    ['targetRate: 1.5', 'targetRate'],
    ['targetRate: 0.5, window: 10', 'window'],
  ])('forecast(%s) is BAD_USER_INPUT naming the argument', async (args, argument) => {
    const result = await run(`{ forecast(${args}) { date } }`);
    expectBadUserInput(result, argument);
  });
});

describe('change between two days', () => {
  test('counts the difference, and keeps both coverages', async () => {
    const result = await run(`{ change(from: "2021-05-10", to: "2021-06-15") {
      from to registered approved activated formSigned verified unitsContacted activationRate
      before { target registered approved activated formSigned verified activationRate units unitsContacted }
      after { target registered approved activated formSigned verified activationRate units unitsContacted }
    } }`);
    expect(result.data?.change).toEqual({
      from: '2021-05-10',
      to: '2021-06-15',
      registered: 2,
      approved: 3,
      activated: 2,
      formSigned: 1,
      verified: 1,
      unitsContacted: 1,
      activationRate: 3 / 7 - 1 / 7,
      before: figures(7, 3, 1, 1, 0, 0, 3, 1),
      after: figures(7, 5, 4, 3, 1, 1, 3, 2),
    });
  });

  test('to before from is BAD_USER_INPUT', async () => {
    const result = await run('{ change(from: "2021-06-15", to: "2021-05-10") { activated } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('"to" (2021-05-10) is before "from" (2021-06-15)');
  });
});

describe('ranking', () => {
  const rank = async (args: string) => {
    const result = await run(`{ ranking(${args}) { rank key label coverage { activationRate } } }`);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return ((result.data?.ranking ?? []) as AnyData[]).map((r) => [r.rank, r.key]);
  };

  test('units by activation rate, best or lowest first', async () => {
    expect(await rank('by: UNIT, asOf: "2021-12-31"')).toEqual([
      [1, 'UB'],
      [2, 'UA'],
      [3, 'UC'],
    ]);
    expect(await rank('by: UNIT, asOf: "2021-12-31", lowestFirst: true')).toEqual([
      [1, 'UC'],
      [2, 'UA'],
      [3, 'UB'],
    ]);
    expect(await rank('by: UNIT, asOf: "2021-12-31", first: 1')).toEqual([[1, 'UB']]);
  });

  test('equal rates share a rank; units with no officer are not ranked', async () => {
    expect(await rank('by: COMMUNE, asOf: "2021-05-01"')).toEqual([
      [1, '90101'],
      [1, '90102'],
      [1, '90201'],
    ]);
    expect(await rank('by: STAFF, asOf: "2021-06-15"')).toEqual([[1, 'S2']]);
  });

  test('first below 1 is BAD_USER_INPUT', async () => {
    const result = await run('{ ranking(by: UNIT, first: 0) { rank } }');
    expect(result.errors?.[0]?.extensions?.argument).toBe('first');
  });
});

describe('goals', () => {
  test('no goal set: every coverage says so with null', async () => {
    const result = await run('{ coverage(asOf: "2021-06-15") { asOf goal { rate } } }');
    expect(result.data?.coverage).toEqual({ asOf: '2021-06-15', goal: null });
  });

  test('a coverage answers to its area’s goal, or to the nearest goal above it', async () => {
    const province = await getAreaByCode(database.db, '90', EVERYTHING, await firstGeographyId(database.db));
    const mountains = await getAreaByCode(
      database.db,
      '902',
      EVERYTHING,
      await firstGeographyId(database.db),
    );
    await setGoal(database.db, {
      areaId: province?.area.id as number,
      rate: 0.5,
      deadline: '2021-07-15',
      reach: EVERYTHING,
    });
    await setGoal(database.db, {
      areaId: mountains?.area.id as number,
      rate: 0.9,
      deadline: '2021-12-31',
      reach: EVERYTHING,
    });
    const GOAL = 'goal { area { id } rate deadline gap activationsNeeded daysLeft neededPerDay met }';
    const result = await run(`{
      province: coverage(asOf: "2021-06-15") { ${GOAL} }
      city: coverage(scope: { areaId: "901" }, asOf: "2021-06-15") { ${GOAL} }
      mountains: area(id: "902") { coverage(asOf: "2021-12-31") { ${GOAL} } }
      goals { area { id } rate deadline }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.province.goal).toEqual({
      area: { id: '90' },
      rate: 0.5,
      deadline: '2021-07-15',
      gap: 0.5 - 3 / 7,
      activationsNeeded: 1,
      daysLeft: 30,
      neededPerDay: 1 / 30,
      met: false,
    });
    expect(result.data?.city.goal).toMatchObject({
      area: { id: '90' },
      gap: 0,
      activationsNeeded: 0,
      met: true,
    });
    expect(result.data?.mountains.coverage.goal).toEqual({
      area: { id: '902' },
      rate: 0.9,
      deadline: '2021-12-31',
      gap: 0.9,
      activationsNeeded: 1,
      daysLeft: 0,
      neededPerDay: null,
      met: false,
    });
    expect(result.data?.goals).toEqual([
      { area: { id: '90' }, rate: 0.5, deadline: '2021-07-15' },
      { area: { id: '902' }, rate: 0.9, deadline: '2021-12-31' },
    ]);
  });

  test('the database refuses a rate outside (0, 1]', async () => {
    const province = await getAreaByCode(database.db, '90', EVERYTHING, await firstGeographyId(database.db));
    await expect(
      setGoal(database.db, {
        areaId: province?.area.id as number,
        rate: 1.2,
        deadline: '2021-07-15',
        reach: EVERYTHING,
      }),
    ).rejects.toThrow();
  });
});
