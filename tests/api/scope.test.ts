import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVERYTHING, type Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { getCoverage } from '../../api/src/db/queries/coverage.ts';
import { recordMilestone } from '../../api/src/db/queries/recording.ts';
import type { MilestoneName } from '../../api/src/db/schema/index.ts';
import { createApp } from '../../api/src/server.ts';
import { addHandMadeAccounts } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, type GraphQLResult, TEST_ADMIN } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';

/*
 * What a scope means, on the hand-made data (helpers/hand-made.ts): district 901 holds UA (NQD) and
 * UB (HCSN), district 902 holds UC. S1 is in charge of UA from 1/4, S2 from 1/6; UB and UC have no
 * officer.
 */

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let statements: string[] = [];
const viewers = {} as Record<'d901' | 's1' | 's2', Viewer>;

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (query) => statements.push(query) });
  await loadFixture(database.db, HAND_MADE);
  Object.assign(viewers, await addHandMadeAccounts(database.db, ['d901', 's1', 's2']));
  ({ apollo } = await createApp(database, { serveWeb: false }));
});
afterAll(() => database?.close());

/** Runs `query` as `viewer` on `today` (noon in Asia/Ho_Chi_Minh); fails on any error. */
async function read(query: string, viewer: Viewer = TEST_ADMIN, today = '2021-12-31'): Promise<AnyData> {
  const result: GraphQLResult<AnyData> = await execute(
    apollo,
    database,
    query,
    {},
    new Date(`${today}T05:00:00Z`),
    viewer,
  );
  expect(result.errors, query).toBeUndefined();
  return result.data as AnyData;
}

async function areaId(code: string): Promise<number> {
  const [row] = await database.db.execute<{ id: number }>(sql`select id from areas where code = ${code}`);
  return (row as { id: number }).id;
}

describe("a district head's scope", () => {
  test('names their area once in a statement over units, and still counts only their units', async () => {
    statements = [];
    const coverage = await read('{ coverage(scope: { sector: "NQD" }) { units target } }', viewers.d901);
    const breakdown = await read('{ breakdown(by: UNIT) { key } }', viewers.d901);
    expect(coverage.coverage).toEqual({ units: 1, target: 4 });
    expect(breakdown.breakdown.map((row: { key: string }) => row.key)).toEqual(['UA', 'UB']);
    const overUnits = statements.filter((s) => /\/\* (coverage|breakdown):units \*\//.test(s));
    expect(overUnits).toHaveLength(2);
    for (const statement of overUnits) expect(statement.match(/unit_areas/g)).toHaveLength(1);
  });

  test('a commune inside their district counts its units only', async () => {
    const data = await read(
      '{ coverage(scope: { areaId: "90102", sector: "HCSN" }) { units target } }',
      viewers.d901,
    );
    expect(data.coverage).toEqual({ units: 1, target: 2 });
  });

  test('a scope built by hand with an area outside the reach counts nothing: the reach stays in the SQL', async () => {
    const reach = { kind: 'area' as const, areaId: await areaId('902') };
    const figures = await getCoverage(database.db, {
      scope: { reach, geographyId: 1, areaId: await areaId('901'), sector: 'NQD' },
      asOf: '2021-12-31',
    });
    expect(figures).toMatchObject({ units: 0, target: 0 });
  });
});

describe('the officer in charge on a day', () => {
  // The day before S1's first day, S1's last day, and the day S2 takes UA over.
  const days: [string, 'S1' | 'S2' | null][] = [
    ['2021-03-31', null],
    ['2021-05-31', 'S1'],
    ['2021-06-01', 'S2'],
  ];
  const milestones: MilestoneName[] = ['GUIDE_SENT', 'REPRESENTATIVE_GUIDED', 'EMPLOYEES_GUIDED'];

  test.each(days.map(([day, officer], i) => [day, officer, milestones[i] as MilestoneName] as const))(
    'on %s is %s wherever a figure or a record depends on it',
    async (day, officer, milestone) => {
      const unitsOf = (code: 'S1' | 'S2') => (officer === code ? 1 : 0);

      const breakdown = await read(`{ breakdown(by: STAFF, asOf: "${day}") { key coverage { units } } }`);
      const officers = breakdown.breakdown.filter((row: { key: string }) => row.key !== 'none');
      expect(officers).toEqual(officer ? [{ key: officer, coverage: { units: 1 } }] : []);

      for (const code of ['S1', 'S2'] as const) {
        const scoped = await read(`{ coverage(scope: { staffId: "${code}" }, asOf: "${day}") { units } }`);
        expect(scoped.coverage.units, `scope ${code}`).toBe(unitsOf(code));
        const grouped = await read(`{ staff(id: "${code}") { coverage(asOf: "${day}") { units } } }`);
        expect(grouped.staff.coverage.units, `staff ${code}`).toBe(unitsOf(code));
        const reach = await read('{ coverage { units } }', viewers[code === 'S1' ? 's1' : 's2'], day);
        expect(reach.coverage.units, `reach of ${code}`).toBe(unitsOf(code));
      }
      // Asked together, the officers' coverages are one statement over every assignment at once.
      const both = await read(
        `{ s1: staff(id: "S1") { coverage(asOf: "${day}") { units } } s2: staff(id: "S2") { coverage(asOf: "${day}") { units } } }`,
      );
      expect([both.s1.coverage.units, both.s2.coverage.units], 'both officers').toEqual([
        unitsOf('S1'),
        unitsOf('S2'),
      ]);

      const unit = await read(`{ unit(id: "UA") { officer(asOf: "${day}") { code } } }`);
      expect(unit.unit.officer?.code ?? null).toBe(officer);

      const recorded = await recordMilestone(database.db, {
        actor: { userId: null, username: 'test' },
        reach: EVERYTHING,
        unitCode: 'UA',
        milestone,
        date: day,
        officer: { code: null },
        note: null,
      });
      const [by] = await database.db.execute<{ code: string | null }>(
        sql`select (select code from staff where id = m.staff_id) as code from unit_milestones m
          join units u on u.id = m.unit_id where u.code = 'UA' and m.milestone = ${milestone}`,
      );
      expect('milestone' in recorded && recorded.changed).toBe(true);
      expect(by?.code ?? null).toBe(officer);
    },
  );
});
