import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVERYTHING } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { getBlockers } from '../../api/src/db/queries/blockers.ts';
import { type Dimension, getBreakdown } from '../../api/src/db/queries/breakdown.ts';
import { COVERAGE_COUNTS, getAreaCoverages, getCoverage } from '../../api/src/db/queries/coverage.ts';
import { resolveScope, type Scope } from '../../api/src/db/queries/scope.ts';
import { getTrend } from '../../api/src/db/queries/trend.ts';
import { listUnits } from '../../api/src/db/queries/units.ts';
import { rebuildRollups } from '../../api/src/db/rollups.ts';
import { breakdownLabel } from '../../api/src/labels.ts';
import { today } from '../../api/src/lib/dates.ts';
import { foldForSearch } from '../../api/src/lib/search.ts';
import { loadReferenceIfEmpty } from '../../api/src/reference/load.ts';
import { seedDatabase } from '../../api/src/seed/load.ts';
import { createApp } from '../../api/src/server.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { type AnyData, execute } from '../helpers/graphql.ts';
import { blockersFromBaseTables, coverageFromBaseTables, rollupRows } from '../helpers/recompute.ts';

const DAYS = ['2021-04-01', '2021-05-15', '2021-07-01', '2021-10-01', '2022-06-30', '2026-01-01'];

/** The whole province, as an administrator reads it. */
/** Everything, in the first geography (the migrations create it: id 1), where the demo is recorded. */
const ALL = { reach: EVERYTHING, geographyId: 1 };

let first: Database;
let second: Database;

/** Every district's and the province's coverage on every day of DAYS: the seed's fingerprint. */
async function fingerprint(database: Database) {
  const areas = await database.db.execute<{ id: number; code: string }>(
    sql`select id, code from areas where level <> 'COMMUNE' order by code`,
  );
  const result: Record<string, unknown> = {};
  for (const asOf of DAYS) {
    const byArea = await getAreaCoverages(database.db, {
      areaIds: areas.map((a) => a.id),
      asOf,
      reach: EVERYTHING,
    });
    for (const a of areas) result[`${a.code}@${asOf}`] = byArea.get(a.id);
  }
  const [names] = await database.db.execute(sql`
    select string_agg(full_name, '|' order by id) filter (where id <= 50) as persons,
           (select string_agg(name, '|' order by id) from units where id <= 20) as units from persons`);
  return { result, names };
}

/** The SQL statements `first` has run since the array was last emptied. */
let statements: string[] = [];

beforeAll(async () => {
  [first, second] = await Promise.all([
    createTestDatabase({ onQuery: (query) => statements.push(query) }),
    createTestDatabase(),
  ]);
  for (const database of [first, second]) await loadReferenceIfEmpty(database.db);
});
afterAll(async () => {
  await first?.close();
  await second?.close();
});

describe('the reference areas of Khánh Hòa (2021)', () => {
  test('are the province, its 9 districts and their 139 communes, with official codes', async () => {
    const rows = await first.db.execute<{ level: string; n: number }>(
      sql`select level, count(*)::int as n from areas group by level order by level`,
    );
    expect(rows).toEqual([
      { level: 'PROVINCE', n: 1 },
      { level: 'DISTRICT', n: 9 },
      { level: 'COMMUNE', n: 139 },
    ]);
    const districts = await first.db.execute<{ code: string; name: string }>(
      sql`select code, name from areas where level = 'DISTRICT' order by code`,
    );
    expect(districts.map((d) => d.code)).toEqual([
      '568',
      '569',
      '570',
      '571',
      '572',
      '573',
      '574',
      '575',
      '576',
    ]);
    expect(districts[0]?.name).toBe('Thành phố Nha Trang');
    expect(districts[8]?.name).toBe('Huyện Trường Sa');
  });
});

describe('the demo data set', () => {
  test('is deterministic: the same seed gives the same figures and names', async () => {
    await Promise.all([
      seedDatabase(first.db, { scale: 'tiny', seed: 7 }),
      seedDatabase(second.db, { scale: 'tiny', seed: 7 }),
    ]);
    expect(await fingerprint(first)).toEqual(await fingerprint(second));
  });

  test('another seed gives other figures', async () => {
    const before = await fingerprint(second);
    await seedDatabase(second.db, { scale: 'tiny', seed: 8, reset: true });
    expect(await fingerprint(second)).not.toEqual(before);
  });

  test('refuses a database that has units unless told to reset', async () => {
    await expect(seedDatabase(first.db, { scale: 'tiny', seed: 7 })).rejects.toThrow(/already has \d+ units/);
  });

  describe('at demo scale', () => {
    beforeAll(async () => {
      await seedDatabase(first.db, { scale: 'demo', seed: 1, reset: true });
    });

    test('looks like a rollout: every district has units, Nha Trang the most, Trường Sa a handful', async () => {
      const rows = await first.db.execute<{ code: string; units: number; persons: number }>(sql`
        select a.code, t.units, t.persons from area_totals t join areas a on a.id = t.area_id where a.level = 'DISTRICT' order by t.units desc`);
      expect(rows).toHaveLength(9);
      expect(rows[0]?.code).toBe('568');
      expect(rows.at(-1)?.code).toBe('576');
      for (const r of rows) expect(r.units).toBeGreaterThan(0);
      const province = await getCoverage(first.db, { scope: ALL, asOf: '2026-01-01' });
      expect(province.units).toBe(1200);
      expect(province.target).toBeGreaterThan(34_000);
      expect(province.target).toBeLessThan(38_000);
      expect(province.unitsContacted).toBeLessThan(province.units);
      expect(province.activationRate).toBeGreaterThan(0.5);
      expect(province.activationRate).toBeLessThan(0.95);
    });

    test('counts grow over time and keep the funnel order', async () => {
      let previous = await getCoverage(first.db, { scope: ALL, asOf: DAYS[0] as string });
      for (const asOf of DAYS.slice(1)) {
        const c = await getCoverage(first.db, { scope: ALL, asOf });
        for (const key of [
          'registered',
          'approved',
          'activated',
          'formSigned',
          'verified',
          'unitsContacted',
        ] as const) {
          expect(c[key]).toBeGreaterThanOrEqual(previous[key]);
        }
        expect(c.registered).toBeGreaterThanOrEqual(c.approved);
        expect(c.approved).toBeGreaterThanOrEqual(c.activated);
        expect(c.activated).toBeGreaterThanOrEqual(c.formSigned);
        expect(c.formSigned).toBeGreaterThanOrEqual(c.verified);
        previous = c;
      }
      const start = await getCoverage(first.db, { scope: ALL, asOf: '2021-04-01' });
      expect(start.activated).toBe(0);
    });

    test('districts add up to the province on every day', async () => {
      const districts = await first.db.execute<{ id: number }>(
        sql`select id from areas where level = 'DISTRICT'`,
      );
      for (const asOf of DAYS) {
        const province = await getCoverage(first.db, { scope: ALL, asOf });
        const parts = [
          ...(
            await getAreaCoverages(first.db, { areaIds: districts.map((d) => d.id), asOf, reach: EVERYTHING })
          ).values(),
        ];
        for (const key of COVERAGE_COUNTS) {
          expect(
            parts.reduce((sum, p) => sum + p[key], 0),
            `${key} on ${asOf}`,
          ).toBe(province[key]);
        }
      }
    });

    test('rollups equal a recomputation from the base rows for every area', async () => {
      const areas = await first.db.execute<{ id: number; code: string }>(
        sql`select id, code from areas order by code`,
      );
      for (const asOf of ['2021-05-15', '2021-08-01', '2026-01-01']) {
        const byArea = await getAreaCoverages(first.db, {
          areaIds: areas.map((a) => a.id),
          asOf,
          reach: EVERYTHING,
        });
        for (const a of areas) {
          const { activationRate: _rate, ...fromRollups } = byArea.get(a.id) ?? { activationRate: 0 };
          expect(fromRollups, `${a.code} on ${asOf}`).toEqual(
            await coverageFromBaseTables(first.db, a.code, asOf),
          );
        }
      }
    });

    test('every breakdown partitions its scope: rows add up to the coverage, for every dimension and day', async () => {
      const dimensions: Dimension[] = ['DISTRICT', 'COMMUNE', 'OFFICE', 'STAFF', 'SECTOR', 'UNIT'];
      const scopes = [{}, { areaId: '568' }, { officeId: 'BHXH-56' }, { sector: 'NQD', areaId: '572' }];
      for (const input of scopes) {
        const scope = (await resolveScope(first.db, input, EVERYTHING, '2021-12-31')) as Scope;
        for (const asOf of ['2021-05-15', '2021-09-01', '2026-01-01']) {
          const whole = await getCoverage(first.db, { scope, asOf });
          for (const by of dimensions) {
            const rows = await getBreakdown(first.db, { by, scope, asOf });
            expect(new Set(rows.map((r) => r.key)).size, `${by} keys unique`).toBe(rows.length);
            for (const key of COVERAGE_COUNTS) {
              const sum = rows.reduce((total, r) => total + r.coverage[key], 0);
              expect(sum, `${JSON.stringify(input)} by ${by} on ${asOf}: ${key}`).toBe(whole[key]);
            }
          }
        }
      }
    });

    test('officers without units on a day, and units without an officer, are where the contract says', async () => {
      const rows = await getBreakdown(first.db, { by: 'STAFF', scope: ALL, asOf: '2021-08-01' });
      const last = rows.at(-1);
      expect(last?.key).toBe('none');
      expect(last && breakdownLabel('STAFF', last)).toBe('Chưa phân công');
      expect(rows.filter((r) => r.key === 'none')).toHaveLength(1);
    });

    test('a trend is cumulative, keeps the step order, and ends on the coverage of its last day', async () => {
      for (const input of [{}, { areaId: '573' }, { staffId: 'CB0005' }]) {
        const scope = (await resolveScope(first.db, input, EVERYTHING, '2021-12-31')) as Scope;
        const points = await getTrend(first.db, { scope, from: '2021-04-01', to: '2021-12-31' });
        expect(points).toHaveLength(275);
        for (let i = 1; i < points.length; i++) {
          const [a, b] = [points[i - 1], points[i]] as [
            NonNullable<(typeof points)[0]>,
            NonNullable<(typeof points)[0]>,
          ];
          for (const key of ['registered', 'approved', 'activated', 'formSigned', 'verified'] as const)
            expect(b[key]).toBeGreaterThanOrEqual(a[key]);
          expect(b.registered).toBeGreaterThanOrEqual(b.approved);
          expect(b.approved).toBeGreaterThanOrEqual(b.activated);
          expect(b.activated).toBeGreaterThanOrEqual(b.formSigned);
          expect(b.formSigned).toBeGreaterThanOrEqual(b.verified);
        }
        const {
          target: _t,
          activationRate: _r,
          units: _u,
          unitsContacted: _c,
          ...last
        } = await getCoverage(first.db, { scope, asOf: '2021-12-31' });
        expect(points.at(-1), JSON.stringify(input)).toEqual({ date: '2021-12-31', ...last });
      }
    });

    test('the reasons persons are stuck add up to everyone not yet activated', async () => {
      for (const input of [{}, { areaId: '575' }, { sector: 'HTX' }]) {
        const scope = (await resolveScope(first.db, input, EVERYTHING, '2021-12-31')) as Scope;
        for (const asOf of ['2021-06-01', '2022-06-30']) {
          const rows = await getBlockers(first.db, { scope, asOf });
          const { target, activated } = await getCoverage(first.db, { scope, asOf });
          expect(
            rows.reduce((sum, r) => sum + r.persons, 0),
            `${JSON.stringify(input)} on ${asOf}`,
          ).toBe(target - activated);
          for (const r of rows) expect(r.persons).toBeGreaterThanOrEqual(0);
        }
      }
    });

    test('stuck persons by reason, read from the rollups, equal the persons counted one by one', async () => {
      const cases: [Record<string, string>, ReturnType<typeof sql>][] = [
        [{}, sql`select id from units`],
        [
          { areaId: '575' },
          sql`select ua.unit_id from unit_areas ua join areas a on a.id = ua.area_id where a.code = '575' and ua.geography_id = 1`,
        ],
        [{ sector: 'HTX' }, sql`select id from units where sector = 'HTX'`],
      ];
      for (const [input, units] of cases) {
        const scope = (await resolveScope(first.db, input, EVERYTHING, '2021-12-31')) as Scope;
        for (const asOf of DAYS) {
          const rows = await getBlockers(first.db, { scope, asOf });
          const counted = Object.fromEntries(
            rows.filter((r) => r.reason !== 'UNKNOWN' && r.persons > 0).map((r) => [r.reason, r.persons]),
          );
          expect(counted, `${JSON.stringify(input)} on ${asOf}`).toEqual(
            await blockersFromBaseTables(first.db, units, asOf),
          );
        }
      }
      const kept = await rollupRows(first.db);
      expect(kept.area_blocker_daily?.length).toBeGreaterThan(0);
      await first.db.transaction((tx) => rebuildRollups(tx));
      expect(await rollupRows(first.db)).toEqual(kept);
    });

    test('a search without diacritics finds the names written with them', async () => {
      const page = await listUnits(first.db, {
        scope: ALL,
        asOf: '2026-01-01',
        filter: { search: foldForSearch('khanh hoa') },
        first: 500,
      });
      const [row] = await first.db.execute<{ n: number }>(
        sql`select count(*)::int as n from units where name like '%Khánh Hòa%'`,
      );
      expect(row?.n).toBeGreaterThan(0);
      expect(page.totalCount).toBe(row?.n);
      for (const unit of page.units) expect(unit.name).toContain('Khánh Hòa');
    });

    test('nested pages of units, officers and trends are batched, and equal the same questions asked at the root', async () => {
      const { apollo } = await createApp(first, { serveWeb: false });
      const run = async (query: string, variables: Record<string, unknown>) => {
        const result = await execute<AnyData>(apollo, first, query, variables);
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        return result.data as AnyData;
      };
      const NESTED = `query ($n: Int) {
        areas(level: DISTRICT) {
          id
          trend(from: "2021-05-01", to: "2021-05-31") { activated }
          units(first: $n, orderBy: ACTIVATION_RATE_ASC, asOf: "2021-10-01") {
            totalCount
            edges { node {
              id
              trend(from: "2021-05-01", to: "2021-05-31") { activated }
              officer(asOf: "2021-10-01") { id units(first: 3, asOf: "2021-10-01") { totalCount edges { node { id } } } }
            } }
          }
        }
      }`;
      const counted = async (n: number) => {
        await run(NESTED, { n }); // the driver's one-time catalog look-ups are not the query's
        statements = [];
        const data = await run(NESTED, { n });
        return { data, count: statements.length };
      };
      const small = await counted(1);
      const large = await counted(20);
      expect(large.count).toBe(small.count);
      // One statement per kind of thing asked: districts, their trends, their unit pages, the units'
      // trends, the units' officers on the day, those officers, and the officers' unit pages.
      expect(large.count).toBe(7);

      const ROOT = `query ($scope: Scope, $n: Int, $order: UnitOrder) {
        units(scope: $scope, first: $n, orderBy: $order, asOf: "2021-10-01") { totalCount edges { node { id } } }
        trend(scope: $scope, from: "2021-05-01", to: "2021-05-31") { activated }
      }`;
      const ids = (page: AnyData) => page.edges.map((e: AnyData) => e.node.id);
      let officers = 0;
      for (const district of large.data.areas) {
        const root = await run(ROOT, { scope: { areaId: district.id }, n: 20, order: 'ACTIVATION_RATE_ASC' });
        expect(ids(district.units), district.id).toEqual(ids(root.units));
        expect(district.units.totalCount).toBe(root.units.totalCount);
        expect(district.trend).toEqual(root.trend);
        for (const { node } of district.units.edges) {
          const ofUnit = await run(ROOT, { scope: { unitId: node.id }, n: 1 });
          expect(node.trend, node.id).toEqual(ofUnit.trend);
          if (!node.officer) continue;
          officers++;
          const theirs = await run(ROOT, { scope: { staffId: node.officer.id }, n: 3 });
          expect(ids(node.officer.units), node.officer.id).toEqual(ids(theirs.units));
          expect(node.officer.units.totalCount).toBe(theirs.units.totalCount);
        }
      }
      expect(officers).toBeGreaterThan(20);
      await apollo.stop();
    });

    test('a district head who tries every other district gets FORBIDDEN each time, and their own figures', async () => {
      const { apollo } = await createApp(first, { serveWeb: false });
      const [nhaTrang] = await first.db.execute<{ id: number }>(sql`select id from areas where code = '568'`);
      const head = {
        userId: 0,
        username: 'x',
        displayName: 'x',
        role: 'DISTRICT' as const,
        areaId: nhaTrang?.id as number,
        officeId: null,
        staffId: null,
      };
      const districts = await first.db.execute<{ code: string }>(
        sql`select code from areas where level = 'DISTRICT' order by code`,
      );
      expect(districts.length).toBe(9);
      for (const { code } of districts) {
        for (const query of [
          `{ coverage(scope: { areaId: "${code}" }) { activated } }`,
          `{ area(id: "${code}") { coverage { activated } } }`,
          `{ units(scope: { areaId: "${code}" }, first: 1) { totalCount } }`,
          `{ breakdown(by: COMMUNE, scope: { areaId: "${code}" }) { key } }`,
        ]) {
          const result = await execute<AnyData>(apollo, first, query, {}, new Date(), head);
          if (code === '568') expect(result.errors, query).toBeUndefined();
          else
            expect(
              result.errors?.map((e) => e.extensions?.code),
              query,
            ).toEqual(['FORBIDDEN']);
        }
      }
      const own = await execute<AnyData>(apollo, first, '{ coverage { units } }', {}, new Date(), head);
      const whole = await getCoverage(first.db, {
        scope: { reach: EVERYTHING, geographyId: 1, areaId: nhaTrang?.id },
        asOf: today(),
      });
      expect(own.data?.coverage.units).toBe(whole.units);
      await apollo.stop();
    });

    test('names are Vietnamese with their diacritics, and some persons are stuck with a reason', async () => {
      const [row] = await first.db.execute<{ with_marks: number; total: number; blockers: number }>(sql`
        select count(*) filter (where full_name ~ '[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐ]')::int as with_marks,
               count(*)::int as total, (select count(*)::int from person_blockers) as blockers from persons`);
      expect(row?.with_marks).toBeGreaterThan((row?.total ?? 0) * 0.8);
      expect(row?.blockers).toBeGreaterThan(0);
    });
  });
});
