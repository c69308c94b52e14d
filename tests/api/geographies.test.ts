import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { placeUnits } from '../../api/src/db/places.ts';
import { rebuildRollups } from '../../api/src/db/rollups.ts';
import {
  type AddGeographyRequest,
  addGeography,
  GeographyRefusedError,
} from '../../api/src/geographies/add.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { type Fixture, loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, expectBadUserInput, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { importFile, problemLines } from '../helpers/imports.ts';
import { coverageFromBaseTables } from '../helpers/recompute.ts';

/*
 * A made-up new map over the hand-made data, from 1/1/2022: districts abolished, communes 90101 and
 * 90102 merged into 90900, commune 90201 split into 90950 (its default part) and 90960, where the
 * units file puts UC; UE, the other unit of 90201, follows the default. Every figure is placed by
 * hand below, and the old map's figures must not move.
 */

const FIXTURE: Fixture = {
  ...HAND_MADE,
  units: [
    ...HAND_MADE.units,
    {
      code: 'UE',
      areaCode: '90201',
      officeCode: 'BHXH-902',
      persons: { '9000000008': { ACTIVATED: '2021-06-15' } },
    },
  ],
};

const AREAS = `area_code,name,level,parent_code
90,Tỉnh Thử Nghiệm,PROVINCE,
90900,Phường Hợp Nhất,COMMUNE,90
90950,Xã Sơn Đông,COMMUNE,90
90960,Xã Sơn Tây,COMMUNE,90
90970,Xã Không Người Mới,COMMUNE,90
`;
const MAPPING = `old_area_code,new_area_code,default
90,90,
901,90900,
902,90950,1
902,90960,0
90101,90900,
90102,90900,
90201,90950,1
90201,90960,0
90299,90970,
`;
const UNITS = 'unit_code,area_code\nUC,90960\n';

const csv = (text: string, fileName: string) => ({ bytes: Buffer.from(text), fileName });
const request = (changes: Partial<AddGeographyRequest> = {}): AddGeographyRequest => ({
  code: 'T-2',
  name: 'Từ 01/01/2022: không còn cấp huyện',
  validFrom: '2022-01-01',
  areas: csv(AREAS, 'areas.csv'),
  mapping: csv(MAPPING, 'mapping.csv'),
  units: csv(UNITS, 'units.csv'),
  ...changes,
});

const COVERAGE = `query ($scope: Scope, $asOf: Date) { coverage(scope: $scope, asOf: $asOf) {
  target registered activated units unitsContacted } }`;
const BREAKDOWN = `query ($by: Dimension!, $scope: Scope, $asOf: Date) { breakdown(by: $by, scope: $scope, asOf: $asOf) {
  key coverage { target registered activated units } } }`;

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let run: (query: string, variables?: Record<string, unknown>, now?: Date) => Promise<GraphQLResult<AnyData>>;
/** What the old map answered before the new one was added. */
let before: (AnyData | undefined)[];

const DAYS = ['2021-05-15', '2021-06-30', '2021-12-31'];
const oldMapFigures = () =>
  Promise.all(
    DAYS.flatMap((asOf) =>
      ['DISTRICT', 'COMMUNE', 'UNIT'].map((by) =>
        run(BREAKDOWN, { by, asOf, scope: { geography: 'KH-2021' } }).then((r) => r.data),
      ),
    ),
  );

async function count(table: string): Promise<number> {
  const [row] = await database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, FIXTURE);
  ({ apollo } = await createApp(database, { serveWeb: false }));
  run = (query, variables, now) => execute(apollo, database, query, variables, now);
  before = await oldMapFigures();
});
afterAll(() => database?.close());

describe('adding a geography', () => {
  test.each([
    [
      'a mapping that leaves out an area holding units',
      { mapping: csv(MAPPING.replace('90201,90950,1\n90201,90960,0\n', ''), 'mapping.csv') },
      ['mapping.csv: "90201" of KH-2021 holds 2 units but has no row'],
    ],
    [
      'a split with no default part',
      { mapping: csv(MAPPING.replace('90201,90950,1', '90201,90950,0'), 'mapping.csv') },
      [
        'mapping.csv: "90201" is split between 2 areas (rows 8, 9); exactly one of them needs default = 1, 0 have it',
      ],
    ],
    [
      'codes that name nothing, in either map',
      { mapping: csv(`${MAPPING}90555,90900,\n90101,99999,\n`, 'mapping.csv') },
      [
        'mapping.csv: row 11, column old_area_code: no area "90555" in KH-2021, the geography in force the day before',
        'mapping.csv: row 12, column new_area_code: no area "99999" in the areas file',
      ],
    ],
    [
      'a unit placed where its area did not go',
      { units: csv('unit_code,area_code\nUA,90960\nUZ,90950\n', 'units.csv') },
      [
        'units.csv: row 2, column area_code: unit "UA" lies in "90101", which the mapping does not take to "90960"',
        'units.csv: row 3, column unit_code: no unit "UZ"',
      ],
    ],
    [
      'a bad level',
      { areas: csv(`${AREAS}90990,Xã Sai,HAMLET,90\n`, 'areas.csv') },
      ['areas.csv: row 7, column level: "HAMLET" is not one of PROVINCE, DISTRICT, COMMUNE'],
    ],
    [
      'an area whose parent is not in the file, and a code twice',
      { areas: csv(`${AREAS}90980,Xã Lạc,COMMUNE,909\n90970,Xã Lặp,COMMUNE,90\n`, 'areas.csv') },
      [
        'areas.csv: row 8, column area_code: "90970" appears again (first in row 6)',
        'areas.csv: row 7, column parent_code: no area "909" in this file',
      ],
    ],
    [
      'a day not after the last geography, and a code in use',
      { validFrom: '1899-12-31', code: 'KH-2021' },
      [
        'a geography "KH-2021" exists already (pnpm cli geography list)',
        '--valid-from 1899-12-31 is not after 1900-01-01, the day the last geography (KH-2021) took effect: a geography is added after the last one',
      ],
    ],
  ])('refuses %s, saying where, and writes nothing', async (_what, changes, problems) => {
    const tables = [
      'geographies',
      'areas',
      'area_mappings',
      'unit_places',
      'unit_place_choices',
      'area_daily',
    ];
    const counts = await Promise.all(tables.map(count));
    const refusal = await addGeography(database.db, request(changes)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GeographyRefusedError);
    const lines = (refusal as GeographyRefusedError).problems;
    for (const line of problems) expect(lines).toContain(line);
    expect(await Promise.all(tables.map(count))).toEqual(counts);
  });

  test('a dry run counts the units it would place and writes nothing', async () => {
    const geographies = await count('geographies');
    const summary = await addGeography(database.db, request({ dryRun: true }));
    expect(summary).toMatchObject({ dryRun: true, areas: 5, mappings: 9, previous: 'KH-2021' });
    expect(summary.placed).toEqual({ byArea: 2, byDefault: 1, byUnitsFile: 1, atRoot: 0 });
    expect(await count('geographies')).toBe(geographies);
  });

  test('places every unit exactly: a merge, a split by the units file and by its default', async () => {
    const summary = await addGeography(database.db, request());
    expect(summary.placed).toEqual({ byArea: 2, byDefault: 1, byUnitsFile: 1, atRoot: 0 });
    const places = await database.db.execute<{ unit: string; area: string }>(sql`
      select u.code as unit, a.code as area from unit_places p join units u on u.id = p.unit_id
      join areas a on a.id = p.area_id join geographies g on g.id = p.geography_id
      where g.code = 'T-2' order by u.code`);
    expect(places.map((p) => `${p.unit}→${p.area}`)).toEqual([
      'UA→90900',
      'UB→90900',
      'UC→90960',
      'UE→90950',
    ]);
    const listed = await run('{ geographies { id name validFrom validUntil areaCount unitCount } }');
    expect(listed.data?.geographies).toEqual([
      {
        id: 'KH-2021',
        name: 'Trước 01/11/2024: 9 huyện, thị xã, thành phố',
        validFrom: '1900-01-01',
        validUntil: '2021-12-31',
        areaCount: 7,
        unitCount: 4,
      },
      {
        id: 'T-2',
        name: 'Từ 01/01/2022: không còn cấp huyện',
        validFrom: '2022-01-01',
        validUntil: null,
        areaCount: 5,
        unitCount: 4,
      },
    ]);
  });
});

describe('figures in either map', () => {
  test('the old map answers exactly as before the new one was added', async () => {
    expect(await oldMapFigures()).toEqual(before);
  });

  test('the new map’s communes hold the merged and split units, and add up to the province', async () => {
    for (const asOf of DAYS) {
      const rows = await run(BREAKDOWN, { by: 'COMMUNE', asOf, scope: { geography: 'T-2' } });
      expect(rows.errors).toBeUndefined();
      const byKey = Object.fromEntries(rows.data?.breakdown.map((r: AnyData) => [r.key, r.coverage]));
      const unit = async (code: string) =>
        (await run(COVERAGE, { asOf, scope: { unitId: code } })).data?.coverage;
      const sum = (...parts: AnyData[]) =>
        Object.fromEntries(
          ['target', 'registered', 'activated', 'units'].map((k) => [k, parts.reduce((s, p) => s + p[k], 0)]),
        );
      const old = async (code: string) =>
        (await run(COVERAGE, { asOf, scope: { areaId: code, geography: 'KH-2021' } })).data?.coverage;
      expect(byKey['90900']).toEqual(sum(await old('90101'), await old('90102')));
      expect(byKey['90960']).toEqual(sum(await unit('UC')));
      expect(byKey['90950']).toEqual(sum(await unit('UE')));
      expect(Object.keys(byKey).sort()).toEqual(['90900', '90950', '90960']);
      const province = (await run(COVERAGE, { asOf, scope: { geography: 'T-2' } })).data?.coverage;
      expect(sum(...Object.values(byKey))).toEqual(sum(province));
      // The province's coverage on a day is the same in every geography.
      expect(province).toEqual(
        (await run(COVERAGE, { asOf, scope: { geography: 'KH-2021' } })).data?.coverage,
      );
    }
  });

  test('every area of both maps equals a recomputation from the base rows, and the rollups a rebuild', async () => {
    const areas = await database.db.execute<{ code: string; geography: string }>(
      sql`select a.code, g.code as geography from areas a join geographies g on g.id = a.geography_id order by 2, 1`,
    );
    for (const { code, geography } of areas) {
      const { data } = await run(
        `query ($id: ID!, $g: ID) { area(id: $id, geography: $g) { coverage(asOf: "2021-12-31") {
          target registered approved activated formSigned verified units unitsContacted } } }`,
        { id: code, g: geography },
      );
      expect(data?.area.coverage, `${geography} ${code}`).toEqual(
        await coverageFromBaseTables(database.db, code, '2021-12-31', geography),
      );
    }
    const snapshot = () =>
      database.db.execute(
        sql`select area_id, day, registered, activated, contacted from area_daily order by 1, 2`,
      );
    const kept = await snapshot();
    await database.db.transaction((tx) => rebuildRollups(tx));
    expect(await snapshot()).toEqual(kept);
  });

  test('asOf chooses the map: DISTRICT is refused in the new one, naming the argument', async () => {
    const later = await run(BREAKDOWN, { by: 'DISTRICT', asOf: '2022-03-01' });
    expectBadUserInput(later, 'by');
    expect(later.errors?.[0]?.message).toContain('Geography T-2 has no DISTRICT level');
    const earlier = await run(BREAKDOWN, { by: 'DISTRICT', asOf: '2021-12-31' });
    expect(earlier.data?.breakdown.map((r: AnyData) => r.key)).toEqual(['901', '902']);
    const communes = await run(BREAKDOWN, { by: 'COMMUNE', asOf: '2022-03-01' });
    expect(communes.data?.breakdown.map((r: AnyData) => r.key)).toEqual(['90900', '90950', '90960']);
  });

  test('an area code is read in its geography; another map’s code is NOT_FOUND, saying where it is', async () => {
    const inNew = await run(COVERAGE, { asOf: '2022-03-01', scope: { areaId: '901' } });
    expect(inNew.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(inNew.errors?.[0]?.message).toBe(
      'Area "901" does not exist (argument scope.areaId): there is no area "901" in geography T-2; it is in KH-2021 (pass scope.geography)',
    );
    const unknown = await run(COVERAGE, { scope: { geography: 'KH-1990' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'scope.geography' });
    const areas = await run(
      `{ today: areas(level: COMMUNE) { id geography { id } }
         old: areas(level: COMMUNE, geography: "KH-2021") { id }
         one: area(id: "90", geography: "KH-2021") { name children { id } } }`,
      undefined,
      new Date('2022-03-01T05:00:00Z'),
    );
    expect(areas.data?.today.map((a: AnyData) => a.id)).toEqual(['90900', '90950', '90960', '90970']);
    expect(areas.data?.today[0].geography.id).toBe('T-2');
    expect(areas.data?.old).toHaveLength(4);
    expect(areas.data?.one.children.map((a: AnyData) => a.id)).toEqual(['901', '902']);
    const missing = await run('{ areas(level: COMMUNE, geography: "nope") { id } }');
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'geography' });
  });
});

describe('what an area was formed from, and what it became', () => {
  test('a merged commune lists its old areas; a split one its parts, the default first', async () => {
    const { data } = await run(`{
      merged: area(id: "90900", geography: "T-2") { formedFrom { id level geography { id } } became { id } }
      split: area(id: "90201", geography: "KH-2021") { became { id name } formedFrom { id } }
    }`);
    expect(data?.merged.formedFrom).toEqual([
      { id: '901', level: 'DISTRICT', geography: { id: 'KH-2021' } },
      { id: '90101', level: 'COMMUNE', geography: { id: 'KH-2021' } },
      { id: '90102', level: 'COMMUNE', geography: { id: 'KH-2021' } },
    ]);
    expect(data?.merged.became).toEqual([]);
    expect(data?.split).toEqual({
      became: [
        { id: '90950', name: 'Xã Sơn Đông' },
        { id: '90960', name: 'Xã Sơn Tây' },
      ],
      formedFrom: [],
    });
  });
});

describe('reach across maps', () => {
  test('a district head reaches the same units in the new map, and no new area beyond them', async () => {
    const { viewer } = await addAccount(database.db, { username: 'huyen901', role: 'DISTRICT', area: '901' });
    const ask = (query: string, variables?: Record<string, unknown>) =>
      execute<AnyData>(apollo, database, query, variables, new Date('2022-03-01T05:00:00Z'), viewer);
    const own = await ask(COVERAGE, { asOf: '2022-03-01' });
    const old = await ask(COVERAGE, { asOf: '2022-03-01', scope: { geography: 'KH-2021' } });
    expect(own.data?.coverage).toEqual(old.data?.coverage);
    expect(own.data?.coverage.units).toBe(2);
    const merged = await ask(COVERAGE, { asOf: '2022-03-01', scope: { areaId: '90900' } });
    expect(merged.data?.coverage).toEqual(own.data?.coverage);
    const split = await ask(COVERAGE, { asOf: '2022-03-01', scope: { areaId: '90960' } });
    expect(split.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rows = await ask(BREAKDOWN, { by: 'COMMUNE', asOf: '2022-03-01' });
    expect(rows.data?.breakdown.map((r: AnyData) => r.key)).toEqual(['90900']);
  });

  test('a units file names its commune in today’s map, no district needed; a district head only where all is theirs', async () => {
    const now = new Date('2022-03-01T05:00:00Z');
    const header = 'unit_code,name,commune_code,office_code,sector';
    const placed = async (unit: string) =>
      database.db.execute<{ geography: string; area: string }>(sql`
        select g.code as geography, a.code as area from unit_places p join units u on u.id = p.unit_id
        join areas a on a.id = p.area_id join geographies g on g.id = p.geography_id
        where u.code = ${unit} order by g.valid_from`);
    const summary = await importFile(database, 'units', `${header}\nUF,Đơn vị Mới,90900,BHXH-90,NQD\n`, {
      now,
    });
    expect(problemLines(summary)).toEqual([]);
    expect(summary.outcome).toBe('APPLIED');
    // In 2021's map it lies in the district its commune was formed in, commune unknown.
    expect(await placed('UF')).toEqual([
      { geography: 'KH-2021', area: '901' },
      { geography: 'T-2', area: '90900' },
    ]);
    const nowhere = await importFile(database, 'units', `${header}\nUG,Không Nơi,,BHXH-90,NQD\n`, { now });
    expect(problemLines(nowhere)).toEqual([
      'row 2, column district_code: is empty, and so is commune_code: a unit needs its commune (or, in a map with districts, at least its district)',
    ]);
    const [own] = await database.db.execute<{ id: number }>(
      sql`select id from areas where code = '901' and geography_id = (select id from geographies where code = 'KH-2021')`,
    );
    const reach = { kind: 'area' as const, areaId: (own as { id: number }).id };
    const outside = await importFile(database, 'units', `${header}\nUH,Đơn vị Tây,90960,BHXH-90,NQD\n`, {
      now,
      reach,
    });
    expect(outside.problems.map((p) => p.code)).toEqual(['OUT_OF_REACH']);
    const inside = await importFile(database, 'units', `${header}\nUI,Đơn vị Trong,90900,BHXH-90,NQD\n`, {
      now,
      reach,
    });
    expect(problemLines(inside)).toEqual([]);
    expect(inside.outcome).toBe('APPLIED');
  });

  test('a unit recorded in the new map lies, in the old one, in the smallest area its commune came from', async () => {
    await database.db.transaction(async (tx) => {
      const [unit] = await tx.execute<{ id: number }>(sql`
        insert into units (code, name, area_id, office_id, sector)
        select 'UN', 'Đơn vị mới', a.id, o.id, 'NQD' from areas a join geographies g on g.id = a.geography_id, offices o
        where g.code = 'T-2' and a.code = '90900' and o.code = 'BHXH-90' returning id`);
      await placeUnits(tx, [(unit as { id: number }).id]);
    });
    const [old] = await database.db.execute<{ area: string }>(sql`
      select a.code as area from unit_places p join units u on u.id = p.unit_id join areas a on a.id = p.area_id
      join geographies g on g.id = p.geography_id where u.code = 'UN' and g.code = 'KH-2021'`);
    // 90900 was formed from 90101, 90102 and district 901's own units: in 2021 it lies in 901, commune unknown.
    expect(old?.area).toBe('901');
  });
});
