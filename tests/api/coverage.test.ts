import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { withUnitRollups } from '../../api/src/db/rollups.ts';
import { upsertAreas } from '../../api/src/reference/load.ts';
import { createApp } from '../../api/src/server.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture, SMALL_AREAS } from '../helpers/fixtures.ts';
import { type AnyData, execute, type GraphQLResult } from '../helpers/graphql.ts';
import { figures, HAND_MADE as fixture } from '../helpers/hand-made.ts';
import { coverageFromBaseTables, rollupRows } from '../helpers/recompute.ts';

const COVERAGE = `query ($scope: Scope, $asOf: Date) {
  coverage(scope: $scope, asOf: $asOf) {
    target registered approved activated formSigned verified activationRate units unitsContacted
  }
}`;

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let statements: string[] = [];
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<AnyData>>;

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (query) => statements.push(query) });
  await loadFixture(database.db, fixture);
  ({ apollo } = await createApp(database, { serveWeb: false }));
  run = (query, variables) => execute(apollo, database, query, variables);
});
afterAll(() => database?.close());

describe('coverage of the province on a day', () => {
  test.each([
    ['2021-04-30', figures(7, 0, 0, 0, 0, 0, 3, 1)],
    ['2021-05-10', figures(7, 3, 1, 1, 0, 0, 3, 1)],
    ['2021-05-15', figures(7, 4, 2, 2, 0, 0, 3, 1)],
    ['2021-06-15', figures(7, 5, 4, 3, 1, 1, 3, 2)],
    ['2021-12-31', figures(7, 6, 5, 4, 2, 2, 3, 2)],
  ])('as of %s the counts are those worked out by hand', async (asOf, expected) => {
    const result = await run(COVERAGE, { asOf });
    expect(result.errors).toBeUndefined();
    expect(result.data?.coverage).toEqual(expected);
  });

  test('a person with ACTIVATED and no REGISTERED row counts as registered and approved from that day', async () => {
    const before = await run(COVERAGE, { scope: { unitId: 'UA' }, asOf: '2021-05-14' });
    const on = await run(COVERAGE, { scope: { unitId: 'UA' }, asOf: '2021-05-15' });
    expect(before.data?.coverage).toMatchObject({ registered: 2, approved: 1, activated: 1 });
    expect(on.data?.coverage).toMatchObject({ registered: 3, approved: 2, activated: 2 });
  });

  test('asOf omitted means today in Asia/Ho_Chi_Minh', async () => {
    const result = await run(COVERAGE, {});
    expect(result.data?.coverage).toEqual(figures(7, 6, 5, 4, 2, 2, 3, 2));
  });

  test('today is the day in Asia/Ho_Chi_Minh: 18:30 UTC on 31/12 is already 1/1 there', async () => {
    const before = await execute(apollo, database, '{ today }', {}, new Date('2021-12-31T16:59:00Z'));
    const after = await execute(apollo, database, '{ today }', {}, new Date('2021-12-31T18:30:00Z'));
    expect(before.data).toEqual({ today: '2021-12-31' });
    expect(after.data).toEqual({ today: '2022-01-01' });
  });
});

describe('coverage of a scope', () => {
  test('districts add up to the province', async () => {
    const d1 = await run(COVERAGE, { scope: { areaId: '901' }, asOf: '2021-12-31' });
    const d2 = await run(COVERAGE, { scope: { areaId: '902' }, asOf: '2021-12-31' });
    expect(d1.data?.coverage).toEqual(figures(6, 5, 5, 4, 2, 2, 2, 2));
    expect(d2.data?.coverage).toEqual(figures(1, 1, 0, 0, 0, 0, 1, 0));
  });

  test('an area with no units is an empty scope: every figure 0, rate 0', async () => {
    const result = await run(COVERAGE, { scope: { areaId: '90299' }, asOf: '2021-12-31' });
    expect(result.data?.coverage).toEqual(figures(0, 0, 0, 0, 0, 0, 0, 0));
  });

  test('office, sector and unit filters, alone and combined with an area', async () => {
    const byOffice = await run(COVERAGE, { scope: { officeId: 'BHXH-902' }, asOf: '2021-12-31' });
    const bySector = await run(COVERAGE, { scope: { sector: 'FDI' }, asOf: '2021-12-31' });
    const combined = await run(COVERAGE, { scope: { areaId: '901', sector: 'HCSN' }, asOf: '2021-06-15' });
    const nothing = await run(COVERAGE, { scope: { areaId: '902', sector: 'HCSN' }, asOf: '2021-06-15' });
    expect(byOffice.data?.coverage).toEqual(figures(1, 1, 0, 0, 0, 0, 1, 0));
    expect(bySector.data?.coverage).toEqual(byOffice.data?.coverage);
    expect(combined.data?.coverage).toEqual(figures(2, 1, 1, 1, 0, 0, 1, 1));
    expect(nothing.data?.coverage).toEqual(figures(0, 0, 0, 0, 0, 0, 0, 0));
  });

  test("an officer's scope is the units assigned to them on the asOf day", async () => {
    const s1Before = await run(COVERAGE, { scope: { staffId: 'S1' }, asOf: '2021-05-15' });
    const s1After = await run(COVERAGE, { scope: { staffId: 'S1' }, asOf: '2021-06-15' });
    const s2After = await run(COVERAGE, { scope: { staffId: 'S2' }, asOf: '2021-06-15' });
    expect(s1Before.data?.coverage).toEqual(figures(4, 3, 2, 2, 0, 0, 1, 1));
    expect(s1After.data?.coverage).toEqual(figures(0, 0, 0, 0, 0, 0, 0, 0));
    expect(s2After.data?.coverage).toEqual(figures(4, 3, 3, 2, 1, 1, 1, 1));
  });
});

describe('bad arguments', () => {
  test.each([
    [{ areaId: '999' }, 'scope.areaId'],
    [{ officeId: 'BHXH-000' }, 'scope.officeId'],
    [{ staffId: 'NOBODY' }, 'scope.staffId'],
    [{ unitId: 'NO-UNIT' }, 'scope.unitId'],
  ])('an unknown id in the scope (%o) is NOT_FOUND and names the argument', async (scope, argument) => {
    const result = await run(COVERAGE, { scope });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0]?.message).toContain(argument);
  });

  test('an unknown sector is BAD_USER_INPUT and lists the sectors', async () => {
    const result = await run(COVERAGE, { scope: { sector: 'XYZ' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/HCSN, DNNN, FDI, NQD, HTX, KHAC/);
  });

  test.each([
    '2021-02-30',
    '2021-13-01',
    '15/05/2021',
    '2021-5-1',
    'yesterday',
    '0001-01-01',
    '1899-12-31',
    '2101-01-01',
  ])('asOf "%s" in a variable is BAD_USER_INPUT', async (asOf) => {
    const result = await run(COVERAGE, { asOf });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.data).toBeUndefined();
  });

  test('a day before 1900 or after 2100 is BAD_USER_INPUT that names the range, in pace and report too', async () => {
    for (const query of [
      '{ coverage(asOf: "0001-01-01") { target } }',
      '{ pace(asOf: "0001-01-01") { last7Days } }',
      '{ trend(from: "0001-01-01", to: "2021-06-01") { date } }',
    ]) {
      const result = await run(query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message, query).toContain('1900-01-01 … 2100-12-31');
    }
  });

  test('an impossible day written in the query itself is BAD_USER_INPUT too', async () => {
    const result = await run('{ coverage(asOf: "2021-02-30") { target } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('2021-02-30');
  });
});

describe('areas', () => {
  test('areas of a level, with parents, ordered by code', async () => {
    const result = await run('{ areas(level: DISTRICT) { id code name level parent { id name } } }');
    expect(result.data?.areas).toEqual([
      {
        id: '901',
        code: '901',
        name: 'Thành phố Biển Xanh',
        level: 'DISTRICT',
        parent: { id: '90', name: 'Tỉnh Thử Nghiệm' },
      },
      {
        id: '902',
        code: '902',
        name: 'Huyện Núi Cao',
        level: 'DISTRICT',
        parent: { id: '90', name: 'Tỉnh Thử Nghiệm' },
      },
    ]);
  });

  test('communes of one district, and each area answers its own coverage', async () => {
    const result = await run(
      'query { areas(level: COMMUNE, parentId: "901") { id coverage(asOf: "2021-12-31") { target activated } } }',
    );
    expect(result.data?.areas).toEqual([
      { id: '90101', coverage: { target: 4, activated: 2 } },
      { id: '90102', coverage: { target: 2, activated: 2 } },
    ]);
  });

  test('an unknown area is null for area(id) and NOT_FOUND as a parentId', async () => {
    const single = await run('{ area(id: "999") { id } }');
    const list = await run('{ areas(level: COMMUNE, parentId: "999") { id } }');
    expect(single.errors).toBeUndefined();
    expect(single.data?.area).toBeNull();
    expect(list.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('nested queries', () => {
  const COMMUNES = `query ($parent: ID) {
    areas(level: COMMUNE, parentId: $parent) {
      id name parent { id parent { id } } coverage(asOf: "2021-12-31") { target activated }
      children { id coverage { target } }
    }
  }`;

  async function statementsFor(variables: Record<string, unknown>) {
    await run(COMMUNES, variables); // the driver's one-time catalog look-ups are not the query's
    statements = [];
    const result = await run(COMMUNES, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return { count: statements.length, areas: result.data?.areas.length as number };
  }

  test('take the same number of SQL statements whatever the number of areas (no N+1)', async () => {
    const two = await statementsFor({ parent: '902' });
    // twenty more communes in district 902, with no units yet: their coverage is all zeros
    const more = Array.from({ length: 20 }, (_, i) => ({
      code: `903${String(i).padStart(2, '0')}`,
      name: `Xã Mới ${i + 1}`,
      level: 'COMMUNE' as const,
      parentCode: '902',
    }));
    await database.db.transaction((tx) => upsertAreas(tx, [...SMALL_AREAS, ...more]));
    const twentyTwo = await statementsFor({ parent: '902' });
    expect(two.areas).toBe(2);
    expect(twentyTwo.areas).toBe(22);
    expect(twentyTwo.count).toBe(two.count);
    const fresh = await run('{ area(id: "90307") { coverage { target units activationRate } } }');
    expect(fresh.data?.area.coverage).toEqual({ target: 0, units: 0, activationRate: 0 });
  });
});

describe('rollups', () => {
  const areaCodes = SMALL_AREAS.map((a) => a.code);
  const days = ['2021-04-30', '2021-05-04', '2021-05-15', '2021-06-01', '2021-06-15', '2021-12-31'];

  async function expectRollupsToMatchBaseTables() {
    for (const code of areaCodes) {
      for (const asOf of days) {
        const fromApi = await run(COVERAGE, { scope: { areaId: code }, asOf });
        const { activationRate: _rate, ...api } = (fromApi.data?.coverage ?? {}) as Record<string, number>;
        const base = await coverageFromBaseTables(database.db, code, asOf);
        expect(api, `area ${code} on ${asOf}`).toEqual(base);
        // the per-unit running totals, summed over the area's units, say the same
        const units = await run(
          'query ($scope: Scope, $asOf: Date) { breakdown(by: UNIT, scope: $scope, asOf: $asOf) { coverage { target registered approved activated formSigned verified units unitsContacted } } }',
          { scope: { areaId: code }, asOf },
        );
        const rows = (units.data?.breakdown ?? []) as { coverage: Record<string, number> }[];
        for (const key of Object.keys(base) as (keyof typeof base)[]) {
          expect(
            rows.reduce((sum, r) => sum + (r.coverage[key] ?? 0), 0),
            `units of ${code} on ${asOf}: ${key}`,
          ).toBe(base[key]);
        }
      }
    }
  }

  test('equal a recomputation from the base rows', async () => {
    await expectRollupsToMatchBaseTables();
  });

  test("the province's units, read together by their rows' spans, have the counts each unit has alone", async () => {
    const fields = 'target registered approved activated formSigned verified units unitsContacted';
    const byUnit = `query ($scope: Scope, $asOf: Date) { breakdown(by: UNIT, scope: $scope, asOf: $asOf) {
      key coverage { ${fields} } } }`;
    const bySector = `query ($asOf: Date) { breakdown(by: SECTOR, asOf: $asOf) { coverage { ${fields} } } }`;
    for (const asOf of days) {
      const everything = await run(byUnit, { asOf });
      const byDistrict = await Promise.all(
        ['901', '902'].map((areaId) => run(byUnit, { scope: { areaId }, asOf })),
      );
      const alone = byDistrict.flatMap((r) => (r.data?.breakdown ?? []) as { key: string }[]);
      expect(everything.data?.breakdown, asOf).toEqual(alone.sort((a, b) => (a.key < b.key ? -1 : 1)));
      const sectors = (await run(bySector, { asOf })).data?.breakdown as {
        coverage: Record<string, number>;
      }[];
      const whole = await run(COVERAGE, { asOf });
      const { activationRate: _rate, ...province } = (whole.data?.coverage ?? {}) as Record<string, number>;
      expect(Object.keys(province).length).toBe(8);
      for (const key of Object.keys(province))
        expect(
          sectors.reduce((sum, r) => sum + (r.coverage[key] ?? 0), 0),
          `${asOf} ${key}`,
        ).toBe(province[key]);
    }
  });

  test('stay equal after a person moves unit, a step is removed and a unit is contacted, in one transaction', async () => {
    const ids = await database.db.execute<{ id: number; code: string }>(sql`select id, code from units`);
    const id = (code: string) => ids.find((u) => u.code === code)?.id as number;
    await database.db.transaction(async (tx) => {
      await withUnitRollups(tx, [id('UA'), id('UC')], async () => {
        await tx.execute(
          sql`update persons set unit_id = ${id('UC')} where social_insurance_code = '9000000002'`,
        );
        await tx.execute(
          sql`delete from person_steps where step = 'VERIFIED' and person_id = (select id from persons where social_insurance_code = '9000000001')`,
        );
        await tx.execute(
          sql`insert into unit_milestones (unit_id, milestone, date) values (${id('UC')}, 'LEADERSHIP_CONTACTED', '2021-06-01')`,
        );
      });
    });
    await expectRollupsToMatchBaseTables();
    const d2 = await run(COVERAGE, { scope: { areaId: '902' }, asOf: '2021-12-31' });
    expect(d2.data?.coverage).toEqual(figures(2, 2, 1, 0, 0, 0, 1, 1));
  });

  test('a write that fails leaves the rollups as they were', async () => {
    const before = await run(COVERAGE, { asOf: '2021-12-31' });
    const [unit] = await database.db.execute<{ id: number }>(sql`select id from units where code = 'UB'`);
    await expect(
      database.db.transaction(async (tx) => {
        await withUnitRollups(tx, [(unit as { id: number }).id], async () => {
          await tx.execute(sql`delete from person_steps`);
          // a step cannot exist twice for a person: this violates the primary key and aborts everything
          await tx.execute(
            sql`insert into person_steps (person_id, step, date) select id, 'REGISTERED', '2021-05-01' from persons`,
          );
          await tx.execute(
            sql`insert into person_steps (person_id, step, date) select id, 'REGISTERED', '2021-05-02' from persons`,
          );
        });
      }),
    ).rejects.toThrow();
    expect((await run(COVERAGE, { asOf: '2021-12-31' })).data).toEqual(before.data);
    await expectRollupsToMatchBaseTables();
  });

  test('migration 0018 gives the rows already there the next day the rollups write', async () => {
    const written = await rollupRows(database.db);
    const migration = fs.readFileSync(
      new URL('../../migrations/0018_unit_daily_spans.sql', import.meta.url),
      'utf8',
    );
    const fill = migration.split('--> statement-breakpoint').find((s) => s.includes('UPDATE'));
    await database.db.execute(sql`update unit_daily set next_day = 'infinity'`);
    await database.db.execute(sql.raw(fill as string));
    expect(await rollupRows(database.db)).toEqual(written);
    const [spans] = await database.db.execute<{ open: number; units: number }>(
      sql`select count(*) filter (where next_day = 'infinity')::int as open, count(distinct unit_id)::int as units from unit_daily`,
    );
    expect(spans?.open).toBe(spans?.units);
  });
});
