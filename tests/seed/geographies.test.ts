import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { COVERAGE_COUNTS } from '../../api/src/db/queries/coverage.ts';
import { addShippedGeographies } from '../../api/src/reference/geographies.ts';
import { loadReferenceIfEmpty } from '../../api/src/reference/load.ts';
import { seedDatabase } from '../../api/src/seed/load.ts';
import { createApp } from '../../api/src/server.ts';
import { EXAMPLES } from '../../web/src/graphiql/examples.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { type AnyData, execute, type GraphQLResult } from '../helpers/graphql.ts';
import { coverageFromBaseTables } from '../helpers/recompute.ts';

/*
 * The demo's 2021 rollout read in Khánh Hòa's three maps. The mappings are read here from the shipped
 * files themselves, not from the database: every 2025 commune must hold exactly the 2021 communes
 * that the two resolutions took into it.
 */

const REFERENCE = path.join(import.meta.dirname, '../../api/src/reference');
const DAYS = ['2021-06-30', '2021-09-30', '2021-12-31'];
const FIELDS = COVERAGE_COUNTS;
const COVERAGE = `query ($scope: Scope, $asOf: Date) { coverage(scope: $scope, asOf: $asOf) { ${FIELDS.join(' ')} } }`;

type Row = Record<string, string>;
const read = (file: string): Row[] =>
  parse(fs.readFileSync(path.join(REFERENCE, file)), { columns: true, skip_empty_lines: true });

let database: Database;
let run: (query: string, variables?: Record<string, unknown>, now?: Date) => Promise<GraphQLResult<AnyData>>;
/** Nha Trang's and every district's figures in 2021's map before the later maps were added. */
let before: (AnyData | undefined)[];

const districts2021 = () =>
  Promise.all(
    DAYS.map(
      async (asOf) =>
        (
          await run(
            `query ($asOf: Date) { breakdown(by: DISTRICT, asOf: $asOf) { key coverage { ${FIELDS.join(' ')} } }
             communes: breakdown(by: COMMUNE, asOf: $asOf) { key coverage { target activated } } }`,
            { asOf },
          )
        ).data,
    ),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReferenceIfEmpty(database.db);
  await seedDatabase(database.db, { scale: 'demo', seed: 1 });
  const { apollo } = await createApp(database, { serveWeb: false });
  run = (query, variables, now) => execute(apollo, database, query, variables, now);
  before = await districts2021();
  expect(await addShippedGeographies(database.db)).toEqual(['KH-2024', 'KH-2025']);
}, 120_000);
afterAll(() => database?.close());

const sum = (parts: AnyData[]) =>
  Object.fromEntries(FIELDS.map((k) => [k, parts.reduce((s, p) => s + p[k], 0)]));

describe('the shipped geographies over the demo data', () => {
  test('2021’s districts and communes answer exactly as before the later maps were added', async () => {
    expect(await districts2021()).toEqual(before);
  });

  test('every 2025 commune holds exactly the 2021 communes the resolutions merged into it', async () => {
    // 2021 → 2024: one row each. 2024 → 2025: a split commune's units go to its default part.
    const to2024 = new Map(
      read('khanh-hoa-2024-11-01.mapping.csv').map((r) => [r.old_area_code, r.new_area_code]),
    );
    const to2025 = new Map<string, string>();
    for (const r of read('khanh-hoa-2025-07-01.mapping.csv')) {
      const rows = read('khanh-hoa-2025-07-01.mapping.csv').filter(
        (m) => m.old_area_code === r.old_area_code,
      );
      if (rows.length === 1 || r.default === '1')
        to2025.set(r.old_area_code as string, r.new_area_code as string);
    }
    const communes2021 = read('khanh-hoa-2021.csv').filter((r) => r.level === 'COMMUNE');
    const communes2025 = read('khanh-hoa-2025-07-01.areas.csv').filter((r) => r.level === 'COMMUNE');
    expect(communes2025).toHaveLength(65);
    const sources = new Map<string, string[]>(communes2025.map((c) => [c.area_code as string, []]));
    for (const c of communes2021) {
      const target = to2025.get(to2024.get(c.area_code as string) as string) as string;
      sources.get(target)?.push(c.area_code as string);
    }
    for (const asOf of DAYS) {
      const old = new Map<string, AnyData>();
      for (const c of communes2021) {
        const r = await run(COVERAGE, { asOf, scope: { geography: 'KH-2021', areaId: c.area_code } });
        old.set(c.area_code as string, r.data?.coverage);
      }
      let total = sum([]);
      for (const [commune, from] of sources) {
        const r = await run(COVERAGE, { asOf, scope: { geography: 'KH-2025', areaId: commune } });
        expect(r.errors).toBeUndefined();
        const expected = sum(from.map((c) => old.get(c) as AnyData));
        expect(r.data?.coverage, `${commune} ← ${from.join(', ')} on ${asOf}`).toEqual(expected);
        total = sum([total, r.data?.coverage]);
      }
      // The communes partition the province, and the province is the same in all three maps.
      for (const geography of ['KH-2021', 'KH-2024', 'KH-2025']) {
        const province = await run(COVERAGE, { asOf, scope: { geography } });
        expect(sum([province.data?.coverage]), `${geography} on ${asOf}`).toEqual(total);
      }
    }
  }, 120_000);

  test('the demo’s own days read in 2021’s map; today reads in 2025’s, with no district level', async () => {
    const [area] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from areas`);
    expect(area?.n).toBe(149 + 142 + 66);
    const now = new Date('2026-12-01T05:00:00Z');
    const today = await run(
      '{ areas(level: COMMUNE) { id geography { id } } districts: areas(level: DISTRICT) { id } }',
      {},
      now,
    );
    expect(today.data?.areas).toHaveLength(65);
    expect(today.data?.districts).toEqual([]);
    const nhaTrang = await run(
      '{ now: area(id: "22366") { name } before: area(id: "22366", geography: "KH-2021") { name } }',
      {},
      now,
    );
    expect(nhaTrang.data).toEqual({
      now: { name: 'Phường Nha Trang' },
      before: { name: 'Phường Phước Tiến' },
    });
  });

  test('every GraphiQL example runs as it is against the demo data in its three maps', async () => {
    for (const { query } of EXAMPLES) {
      const result = await run(query, {}, new Date('2026-12-01T05:00:00Z'));
      expect(result.errors, query.split('\n')[0]).toBeUndefined();
    }
  });

  test('every 2025 area equals a recomputation from the base rows', async () => {
    for (const a of read('khanh-hoa-2025-07-01.areas.csv')) {
      const r = await run(COVERAGE, {
        asOf: '2021-12-31',
        scope: { geography: 'KH-2025', areaId: a.area_code },
      });
      expect(r.data?.coverage, a.area_code).toEqual(
        await coverageFromBaseTables(database.db, a.area_code as string, '2021-12-31', 'KH-2025'),
      );
    }
  }, 60_000);
});

describe('a report in 2025’s map', () => {
  test('splits the province into its communes, named as the two-tier map names them', async () => {
    const result = await run(
      `{ report(asOf: "2021-09-30", geography: "KH-2025") { narrative tables { key title rows { key total } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const parts = result.data?.report.tables.find((t: AnyData) => t.key === 'parts');
    expect(parts.title).toBe('1. Kết quả theo xã, phường, đặc khu');
    // The communes that hold units: those of Ninh Thuận before the merger hold none of the demo's.
    const communes = await run(
      '{ breakdown(by: COMMUNE, scope: { geography: "KH-2025" }, asOf: "2021-09-30") { key } }',
    );
    expect(parts.rows.filter((r: AnyData) => !r.total).map((r: AnyData) => r.key)).toEqual(
      communes.data?.breakdown.map((r: AnyData) => r.key),
    );
    expect(communes.data?.breakdown.length).toBeGreaterThan(30);
    const kh2021 = await run(`{ report(asOf: "2021-09-30", geography: "KH-2021") { tables { key title } } }`);
    expect(kh2021.data?.report.tables[0].title).toBe('1. Kết quả theo huyện, thị xã, thành phố');
  });
});
