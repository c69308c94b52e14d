import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVERYTHING, type Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { setGoal } from '../../api/src/db/queries/goals.ts';
import { createApp } from '../../api/src/server.ts';
import { addHandMadeAccounts } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';

/*
 * Who may read what, on the hand-made data (helpers/hand-made.ts): province 90 with districts 901
 * (units UA, UB) and 902 (unit UC). Officer S2 has had UA since 1/6; S1 had it before and has no
 * unit today (31/12/2021). Every root field, and the nested paths that lead elsewhere, for every role.
 */

type Who = 'admin' | 'province' | 'analyst' | 'd901' | 'd902' | 's2' | 's1';
const EVERYONE: Who[] = ['admin', 'province', 'analyst', 'd901', 'd902', 's2', 's1'];

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
const viewers = {} as Record<Who, Viewer>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  Object.assign(viewers, await addHandMadeAccounts(database.db, EVERYONE));
  const goalAreas = await database.db.execute<{ id: number }>(
    sql`select id from areas where code in ('90', '902') order by code`,
  );
  for (const { id } of goalAreas)
    await setGoal(database.db, { areaId: id, rate: 0.5, deadline: '2021-12-31', reach: EVERYTHING });
  ({ apollo } = await createApp(database, { serveWeb: false }));
});
afterAll(() => database?.close());

function run(who: Who, query: string): Promise<GraphQLResult<AnyData>> {
  return execute(apollo, database, query, {}, new Date('2021-12-31T05:00:00Z'), viewers[who]);
}

const FORBIDDEN = 'FORBIDDEN';
type Outcome = typeof FORBIDDEN | unknown;

/** Runs `query` as every role and compares with the outcome given for it (or for `rest`). */
async function expectOutcomes(query: string, outcomes: Partial<Record<Who | 'rest', Outcome>>) {
  for (const who of EVERYONE) {
    const expected = who in outcomes ? outcomes[who] : outcomes.rest;
    const result = await run(who, query);
    if (expected === FORBIDDEN) {
      expect(
        result.errors?.map((e) => e.extensions?.code),
        `${who}: ${query}`,
      ).toContain(FORBIDDEN);
      expect(JSON.stringify(result.data ?? null), `${who} sees nothing of it`).not.toMatch(/"units":[1-9]/);
    } else {
      expect(result.errors, `${who}: ${query}`).toBeUndefined();
      expect(result.data, `${who}: ${query}`).toEqual(expected);
    }
  }
}

describe('figures follow the reach', () => {
  test('coverage without a scope is the caller’s whole reach', async () => {
    const of = (units: number, target: number) => ({ coverage: { units, target } });
    await expectOutcomes('{ coverage { units target } }', {
      rest: of(3, 7),
      d901: of(2, 6),
      d902: of(1, 1),
      s2: of(1, 4),
      s1: of(0, 0),
    });
  });

  test.each([
    ['an area in another district', '{ coverage(scope: { areaId: "902" }) { units } }', ['d901', 's2', 's1']],
    [
      'the province above a district',
      '{ coverage(scope: { areaId: "90" }) { units } }',
      ['d901', 'd902', 's2', 's1'],
    ],
    ['a unit of another district', '{ coverage(scope: { unitId: "UC" }) { units } }', ['d901', 's2', 's1']],
    ['a unit handed to another officer', '{ coverage(scope: { unitId: "UA" }) { units } }', ['d902', 's1']],
    ['another officer', '{ coverage(scope: { staffId: "S1" }) { units } }', ['s2']],
    ['an office, for an officer', '{ coverage(scope: { officeId: "BHXH-90" }) { units } }', ['s2', 's1']],
    [
      'a trend of another district',
      '{ trend(scope: { areaId: "902" }, from: "2021-05-01", to: "2021-05-02") { activated } }',
      ['d901', 's2', 's1'],
    ],
    [
      'blockers of another district',
      '{ blockers(scope: { areaId: "902" }) { persons } }',
      ['d901', 's2', 's1'],
    ],
    [
      'the pace of another district',
      '{ pace(scope: { areaId: "902" }) { last7Days } }',
      ['d901', 's2', 's1'],
    ],
    [
      'a forecast for another district',
      '{ forecast(scope: { areaId: "902" }, targetRate: 0.9) { date } }',
      ['d901', 's2', 's1'],
    ],
    [
      'a change in another district',
      '{ change(scope: { areaId: "902" }, from: "2021-05-01", to: "2021-06-01") { activated } }',
      ['d901', 's2', 's1'],
    ],
    [
      'a ranking inside another district',
      '{ ranking(by: UNIT, scope: { areaId: "902" }) { key } }',
      ['d901', 's2', 's1'],
    ],
    ['units of another district', '{ units(scope: { areaId: "902" }) { totalCount } }', ['d901', 's2', 's1']],
  ])(
    '%s is FORBIDDEN to those it is out of reach of, and answered to the others',
    async (_what, query, refused) => {
      for (const who of EVERYONE) {
        const result = await run(who, query);
        const codes = result.errors?.map((e) => e.extensions?.code) ?? [];
        if (refused.includes(who)) {
          expect(codes, `${who}: ${query}`).toEqual([FORBIDDEN]);
          expect(result.errors?.[0]?.message, who).toMatch(
            /outside what your account may read \(argument scope\.\w+\)/,
          );
          expect(result.data ?? null, who).toBeNull();
        } else {
          expect(codes, `${who}: ${query}`).toEqual([]);
        }
      }
    },
  );

  test('a breakdown simply leaves out what is out of reach', async () => {
    const keys = (by: string) => `{ breakdown(by: ${by}, asOf: "2021-12-31") { key coverage { units } } }`;
    await expectOutcomes(keys('DISTRICT'), {
      rest: {
        breakdown: [
          { key: '901', coverage: { units: 2 } },
          { key: '902', coverage: { units: 1 } },
        ],
      },
      d901: { breakdown: [{ key: '901', coverage: { units: 2 } }] },
      d902: { breakdown: [{ key: '902', coverage: { units: 1 } }] },
      s2: { breakdown: [{ key: '901', coverage: { units: 1 } }] },
      s1: { breakdown: [] },
    });
    await expectOutcomes('{ ranking(by: UNIT) { key } }', {
      rest: { ranking: [{ key: 'UB' }, { key: 'UA' }, { key: 'UC' }] },
      d901: { ranking: [{ key: 'UB' }, { key: 'UA' }] },
      d902: { ranking: [{ key: 'UC' }] },
      s2: { ranking: [{ key: 'UA' }] },
      s1: { ranking: [] },
    });
  });

  test('an office or officer named by a district head counts only the units in the district', async () => {
    await expectOutcomes('{ coverage(scope: { officeId: "BHXH-902" }) { units } }', {
      rest: { coverage: { units: 1 } },
      d901: { coverage: { units: 0 } },
      s2: FORBIDDEN,
      s1: FORBIDDEN,
    });
  });
});

describe('lists and look-ups follow the reach', () => {
  test('areas: a district head sees their district and the path above it, an officer the areas of their units', async () => {
    await expectOutcomes('{ areas(level: DISTRICT) { id } }', {
      rest: { areas: [{ id: '901' }, { id: '902' }] },
      d901: { areas: [{ id: '901' }] },
      d902: { areas: [{ id: '902' }] },
      s2: { areas: [{ id: '901' }] },
      s1: { areas: [] },
    });
    await expectOutcomes('{ area(id: "90") { name children { id } } }', {
      rest: { area: { name: expect.any(String), children: [{ id: '901' }, { id: '902' }] } },
      d901: { area: { name: expect.any(String), children: [{ id: '901' }] } },
      d902: { area: { name: expect.any(String), children: [{ id: '902' }] } },
      s2: { area: { name: expect.any(String), children: [{ id: '901' }] } },
      s1: FORBIDDEN,
    });
    await expectOutcomes('{ area(id: "902") { id } }', {
      rest: { area: { id: '902' } },
      d901: FORBIDDEN,
      s2: FORBIDDEN,
      s1: FORBIDDEN,
    });
    await expectOutcomes('{ areas(level: COMMUNE, parentId: "902") { id } }', {
      rest: { areas: [{ id: '90201' }, { id: '90299' }] },
      d901: FORBIDDEN,
      s2: FORBIDDEN,
      s1: FORBIDDEN,
    });
  });

  test('an area’s parent can be named, but its figures stay out of reach', async () => {
    await expectOutcomes('{ area(id: "901") { parent { id coverage { units } } } }', {
      rest: { area: { parent: { id: '90', coverage: { units: 3 } } } },
      d901: FORBIDDEN,
      d902: FORBIDDEN,
      s2: FORBIDDEN,
      s1: FORBIDDEN,
    });
  });

  test('units: each role lists exactly the units it reaches', async () => {
    await expectOutcomes('{ units { totalCount edges { node { id } } } }', {
      rest: {
        units: {
          totalCount: 3,
          edges: [{ node: { id: 'UA' } }, { node: { id: 'UB' } }, { node: { id: 'UC' } }],
        },
      },
      d901: { units: { totalCount: 2, edges: [{ node: { id: 'UA' } }, { node: { id: 'UB' } }] } },
      d902: { units: { totalCount: 1, edges: [{ node: { id: 'UC' } }] } },
      s2: { units: { totalCount: 1, edges: [{ node: { id: 'UA' } }] } },
      s1: { units: { totalCount: 0, edges: [] } },
    });
    await expectOutcomes('{ unit(id: "UC") { id } }', {
      rest: { unit: { id: 'UC' } },
      d901: FORBIDDEN,
      s2: FORBIDDEN,
      s1: FORBIDDEN,
    });
  });

  test('an officer reassigned away from a unit no longer reaches it, past figures included', async () => {
    const result = await run(
      's1',
      '{ unit(id: "UA") { id } coverage(scope: { unitId: "UA" }, asOf: "2021-05-31") { activated } }',
    );
    // Both fields are refused; when the non-null coverage fails first, the whole answer is null and the
    // unit's refusal, still pending, is not reported (graphql-js stops there), so count at least one.
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
    for (const error of result.errors ?? []) expect(error.extensions?.code).toBe(FORBIDDEN);
    const unitAlone = await run('s1', '{ unit(id: "UA") { id } }');
    expect(unitAlone.errors?.map((e) => e.extensions?.code)).toEqual([FORBIDDEN]);
    const own = await run('s2', '{ unit(id: "UA") { id coverage(asOf: "2021-05-31") { activated } } }');
    expect(own.data).toEqual({ unit: { id: 'UA', coverage: { activated: 2 } } });
  });

  test('a unit reached through its assignment history does not open the other officer’s units', async () => {
    const result = await run(
      's2',
      '{ unit(id: "UA") { assignments { staff { id units { totalCount } } } } }',
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual([FORBIDDEN]);
    expect(result.errors?.[0]?.path).toEqual(['unit', 'assignments', 0, 'staff', 'units']);
    const own = await run('s2', '{ staff(id: "S2") { units { totalCount } coverage { units } } }');
    expect(own.data).toEqual({ staff: { units: { totalCount: 1 }, coverage: { units: 1 } } });
  });

  test('aliases are checked one by one: the one out of reach fails, the others answer', async () => {
    const result = await run(
      'd901',
      '{ mine: coverage { units } also: area(id: "902") { id } other: unit(id: "UC") { id } same: unit(id: "UA") { id } }',
    );
    expect(result.data).toEqual({ mine: { units: 2 }, also: null, other: null, same: { id: 'UA' } });
    // (sorted: on PostgreSQL the two look-ups run side by side and may fail in either order)
    expect(result.errors?.map((e) => [e.path?.[0], e.extensions?.code]).sort()).toEqual([
      ['also', FORBIDDEN],
      ['other', FORBIDDEN],
    ]);
    // A root figure out of reach fails the whole answer (the field is non-null): nothing leaks beside it.
    const whole = await run(
      'd901',
      '{ mine: coverage { units } theirs: coverage(scope: { areaId: "902" }) { units } }',
    );
    expect(whole.data ?? null).toBeNull();
    expect(whole.errors?.map((e) => e.extensions?.code)).toEqual([FORBIDDEN]);
  });

  test('goals: each role sees those of the areas it may name', async () => {
    await expectOutcomes('{ goals { area { id } } }', {
      rest: { goals: [{ area: { id: '90' } }, { area: { id: '902' } }] },
      d901: { goals: [{ area: { id: '90' } }] },
      s2: { goals: [{ area: { id: '90' } }] },
      s1: { goals: [] },
    });
  });

  test('offices and officers can be named by anyone signed in; their figures follow the reach', async () => {
    await expectOutcomes('{ offices { id } staff(id: "S1") { fullName } }', {
      rest: { offices: [{ id: 'BHXH-90' }, { id: 'BHXH-902' }], staff: { fullName: expect.any(String) } },
    });
    await expectOutcomes('{ office(id: "BHXH-90") { coverage { units } } }', {
      rest: { office: { coverage: { units: 2 } } },
      d902: { office: { coverage: { units: 0 } } },
      s2: FORBIDDEN,
      s1: FORBIDDEN,
    });
    await expectOutcomes('{ today }', { rest: { today: '2021-12-31' } });
  });
});

describe('mutations follow the role and the reach', () => {
  test('setGoal: leadership anywhere, a district head inside their district, nobody else', async () => {
    const set = (who: Who, area: string) =>
      run(
        who,
        `mutation { setGoal(areaId: "${area}", rate: 0.7, deadline: "2022-06-30") { area { id } rate deadline } }`,
      );
    const outcome = async (who: Who, area: string) => {
      const result = await set(who, area);
      return result.errors?.[0]?.extensions?.code ?? result.data?.setGoal.area.id;
    };
    for (const who of ['admin', 'province'] as Who[]) expect(await outcome(who, '90'), who).toBe('90');
    expect(await outcome('d901', '90101')).toBe('90101');
    expect(await outcome('d901', '901')).toBe('901');
    expect(await outcome('d901', '902')).toBe('FORBIDDEN');
    expect(await outcome('d901', '90')).toBe('FORBIDDEN');
    for (const who of ['analyst', 's2', 's1'] as Who[])
      expect(await outcome(who, '901'), who).toBe('FORBIDDEN');
    const goal = await run('d901', '{ coverage(scope: { areaId: "90101" }) { goal { area { id } rate } } }');
    expect(goal.data?.coverage.goal).toEqual({ area: { id: '90101' }, rate: 0.7 });
    const bad = await run(
      'admin',
      'mutation { setGoal(areaId: "90", rate: 1.5, deadline: "2022-06-30") { rate } }',
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'rate' });
    for (const deadline of ['2021-12-31', '2021-06-30']) {
      const past = await run(
        'admin',
        `mutation { setGoal(areaId: "90", rate: 0.5, deadline: "${deadline}") { rate } }`,
      );
      expect(past.errors?.[0]?.extensions, deadline).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'deadline',
      });
    }
    const missing = await run(
      'admin',
      'mutation { setGoal(areaId: "77", rate: 0.5, deadline: "2022-06-30") { rate } }',
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('another district’s officers', () => {
  test('another district’s officer is FORBIDDEN to a district head, rather than a page of zeros; the province’s are not', async () => {
    // Officer S9 works for district 902's office, with no unit yet: their figures are 902's business.
    await database.db.execute(
      sql`insert into staff (code, full_name, office_id) select 'S9', 'Cán bộ S9', id from offices where code = 'BHXH-902'`,
    );
    const zero = { units: 0 };
    await expectOutcomes('{ staff(id: "S9") { coverage { units } units { totalCount } } }', {
      rest: { staff: { coverage: zero, units: { totalCount: 0 } } },
      d901: FORBIDDEN,
      s2: FORBIDDEN,
      s1: FORBIDDEN,
    });
    await expectOutcomes('{ coverage(scope: { staffId: "S9" }) { units } }', {
      rest: { coverage: zero },
      d901: FORBIDDEN,
      s2: FORBIDDEN,
      s1: FORBIDDEN,
    });
    // The officers of the province's office serve every district: each head reads their own part.
    expect((await run('d902', '{ staff(id: "S2") { coverage { units } } }')).data).toEqual({
      staff: { coverage: { units: 0 } },
    });
  });
});
