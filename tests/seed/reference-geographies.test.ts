import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type AreaRecord, KHANH_HOA_2021, readReferenceAreas } from '../../api/src/reference/load.ts';
import {
  buildGeographies,
  DEFAULT_GEOJSON_DIR,
  normaliseName,
  OUTPUT_FILES,
  parseCsv,
  REFERENCE_DIR,
  typePrefix,
} from '../../scripts/reference/build-geographies.ts';

// The shipped geographies after 2021 (see api/src/reference/SOURCES.md), read as files: the same on
// both databases.

const file = (name: string) => path.join(REFERENCE_DIR, name);
const areas2021 = readReferenceAreas(KHANH_HOA_2021);
const areas2024 = readReferenceAreas(file('khanh-hoa-2024-11-01.areas.csv'));
const areas2025 = readReferenceAreas(file('khanh-hoa-2025-07-01.areas.csv'));

interface Row {
  oldCode: string;
  newCode: string;
  isDefault: boolean;
}
function readMapping(name: string): Row[] {
  const rows = parseCsv(fs.readFileSync(file(name), 'utf8'));
  for (const r of rows) expect(['0', '1']).toContain(r.default);
  return rows.map((r) => ({
    oldCode: r.old_area_code ?? '',
    newCode: r.new_area_code ?? '',
    isDefault: r.default === '1',
  }));
}
const map2024 = readMapping('khanh-hoa-2024-11-01.mapping.csv');
const map2025 = readMapping('khanh-hoa-2025-07-01.mapping.csv');

const byCode = (areas: AreaRecord[]) => new Map(areas.map((a) => [a.code, a]));
const at = (areas: AreaRecord[], level: AreaRecord['level']) => areas.filter((a) => a.level === level);
/** Where an old code goes by default rows. */
const follow = (rows: Row[], code: string) => rows.find((r) => r.oldCode === code && r.isDefault)?.newCode;

/** Each old area has rows and exactly one default; every code is in its geography; no pair twice. */
function expectTotalMapping(rows: Row[], oldAreas: AreaRecord[], newAreas: AreaRecord[]) {
  const olds = byCode(oldAreas);
  const news = byCode(newAreas);
  expect(rows.filter((r) => !olds.has(r.oldCode)).map((r) => r.oldCode)).toEqual([]);
  expect(rows.filter((r) => !news.has(r.newCode)).map((r) => r.newCode)).toEqual([]);
  const pairs = rows.map((r) => `${r.oldCode}>${r.newCode}`);
  expect(new Set(pairs).size).toBe(pairs.length);
  for (const a of oldAreas) {
    expect({
      code: a.code,
      defaults: rows.filter((r) => r.oldCode === a.code && r.isDefault).length,
    }).toEqual({
      code: a.code,
      defaults: 1,
    });
  }
}

describe('the areas files', () => {
  test('codes are unique in each file, names are NFC with the 2021 spelling and a type prefix', () => {
    for (const areas of [areas2021, areas2024, areas2025]) {
      expect(new Set(areas.map((a) => a.code)).size).toBe(areas.length);
      for (const a of areas) {
        expect(a.name).toBe(normaliseName(a.name));
        expect(a.name).not.toMatch(/Hoà|Thuỷ/);
        if (a.level === 'COMMUNE') expect(typePrefix(a.name), a.name).toBeDefined();
      }
    }
  });

  test('1/11/2024: the province, its 9 districts of 2021 and 132 communes (NQ 1196)', () => {
    expect(at(areas2024, 'PROVINCE')).toEqual(at(areas2021, 'PROVINCE'));
    expect(at(areas2024, 'DISTRICT')).toEqual(at(areas2021, 'DISTRICT'));
    const communes = at(areas2024, 'COMMUNE');
    expect(communes).toHaveLength(132);
    const perDistrict = Object.fromEntries(
      at(areas2024, 'DISTRICT').map((d) => [d.code, communes.filter((c) => c.parentCode === d.code).length]),
    );
    expect(perDistrict).toEqual({
      568: 22,
      569: 15,
      570: 14,
      571: 13,
      572: 26,
      573: 14,
      574: 17,
      575: 8,
      576: 3,
    });
  });

  test('1/7/2025: the province and 65 units directly under it, 48 xã, 16 phường, 1 đặc khu (NQ 1667)', () => {
    expect(at(areas2025, 'PROVINCE')).toEqual([
      { code: '56', name: 'Tỉnh Khánh Hòa', level: 'PROVINCE', parentCode: null },
    ]);
    expect(at(areas2025, 'DISTRICT')).toEqual([]);
    const communes = at(areas2025, 'COMMUNE');
    expect(communes).toHaveLength(65);
    expect(communes.every((c) => c.parentCode === '56')).toBe(true);
    const types: Record<string, number> = {};
    for (const c of communes) types[typePrefix(c.name) ?? '?'] = (types[typePrefix(c.name) ?? '?'] ?? 0) + 1;
    expect(types).toEqual({ Xã: 48, Phường: 16, 'Đặc khu': 1 });
  });

  test('every parent is in the same file, one level up', () => {
    const above = { PROVINCE: null, DISTRICT: 'PROVINCE', COMMUNE: 'DISTRICT' } as const;
    for (const [areas, communeParent] of [
      [areas2024, 'DISTRICT'],
      [areas2025, 'PROVINCE'],
    ] as const) {
      const codes = byCode(areas);
      for (const a of areas) {
        const expected = a.level === 'COMMUNE' ? communeParent : above[a.level];
        expect(a.parentCode === null ? null : codes.get(a.parentCode)?.level, a.code).toBe(expected);
      }
    }
  });
});

describe('the mappings', () => {
  test('2021 → 2024: every 2021 area has exactly one row, to an area of its level in the same district', () => {
    expectTotalMapping(map2024, areas2021, areas2024);
    expect(map2024).toHaveLength(areas2021.length);
    const new2024 = byCode(areas2024);
    const old2021 = byCode(areas2021);
    for (const r of map2024) {
      const before = old2021.get(r.oldCode);
      const after = new2024.get(r.newCode);
      expect(after?.level).toBe(before?.level);
      expect(after?.parentCode).toBe(before?.parentCode);
    }
    // 12 communes merged into 5, each keeping one of the old codes.
    const merged = map2024.filter((r) => map2024.filter((s) => s.newCode === r.newCode).length > 1);
    expect(merged).toHaveLength(12);
    expect(new Set(merged.map((r) => r.newCode))).toEqual(
      new Set(['22348', '22351', '22366', '22606', '22660']),
    );
    for (const code of new Set(merged.map((r) => r.newCode))) {
      expect(merged.some((r) => r.oldCode === code && r.newCode === code)).toBe(true);
    }
  });

  test('2024 → 2025: every 2024 area has rows and exactly one default; the split communes are the 7 of NQ 1667 khoản 18–21', () => {
    expectTotalMapping(map2025, areas2024, areas2025);
    const communes2024 = new Set(at(areas2024, 'COMMUNE').map((c) => c.code));
    const split = [...communes2024].filter((c) => map2025.filter((r) => r.oldCode === c).length > 1);
    expect(split.sort()).toEqual(['22435', '22438', '22450', '22456', '22465', '22471', '22711']);
    // The districts go to the units their communes went to, by default the one bearing their name.
    const names2025 = byCode(areas2025);
    for (const d of at(areas2024, 'DISTRICT')) {
      const viaCommunes = new Set(
        map2025
          .filter((r) => areas2024.find((a) => a.code === r.oldCode)?.parentCode === d.code)
          .map((r) => r.newCode),
      );
      expect(new Set(map2025.filter((r) => r.oldCode === d.code).map((r) => r.newCode))).toEqual(viaCommunes);
      const seat = names2025.get(follow(map2025, d.code) ?? '')?.name ?? '';
      expect(seat.split(' ').slice(-2).join(' ')).toBe(d.name.split(' ').slice(-2).join(' '));
    }
  });

  test('every 2021 commune reaches exactly one 2025 unit by default rows, and no 2025 unit draws from two 2021 districts', () => {
    const districtsOf = new Map<string, Set<string>>();
    for (const c of at(areas2021, 'COMMUNE')) {
      expect(follow(map2025, follow(map2024, c.code) ?? ''), c.code).toBeDefined();
      const in2024 = map2024.filter((r) => r.oldCode === c.code).map((r) => r.newCode);
      for (const r of map2025.filter((m) => in2024.includes(m.oldCode))) {
        districtsOf.set(r.newCode, (districtsOf.get(r.newCode) ?? new Set()).add(c.parentCode ?? ''));
      }
    }
    expect(districtsOf.size).toBe(41);
    for (const [code, districts] of districtsOf)
      expect({ code, districts: districts.size }).toEqual({ code, districts: 1 });
    // The other 24 are Ninh Thuận's: no old Khánh Hòa area goes there.
    const fromKhanhHoa = new Set(map2025.map((r) => r.newCode));
    expect(at(areas2025, 'COMMUNE').filter((c) => !fromKhanhHoa.has(c.code))).toHaveLength(24);
  });

  test("the issue's examples: 22366 and 22591 mean other places in other maps", () => {
    const [a2021, a2024, a2025] = [byCode(areas2021), byCode(areas2024), byCode(areas2025)];
    expect(a2021.get('22366')?.name).toBe('Phường Phước Tiến');
    expect(a2024.get('22366')?.name).toBe('Phường Tân Tiến');
    expect(a2025.get('22366')?.name).toBe('Phường Nha Trang');
    expect(follow(map2025, follow(map2024, '22366') ?? '')).toBe('22366');
    expect(a2021.get('22591')?.name).toBe('Phường Ninh Giang');
    expect(a2024.get('22591')?.name).toBe('Phường Ninh Giang');
    expect(a2025.get('22591')?.name).toBe('Phường Hòa Thắng');
    expect(follow(map2025, follow(map2024, '22591') ?? '')).toBe('22591');
    // And a code that moves: 2021's Xã Ninh Vân (22606) and Xã Ninh Phước (22579) are 2024's Xã Ninh
    // Phước 22606, in 2025 part of Phường Đông Ninh Hòa.
    expect(a2021.get('22606')?.name).toBe('Xã Ninh Vân');
    expect(a2024.get('22606')?.name).toBe('Xã Ninh Phước');
    expect(a2024.has('22579')).toBe(false);
    expect(follow(map2025, follow(map2024, '22579') ?? '')).toBe('22561');
  });
});

describe('the build', () => {
  test('pnpm build-geographies reproduces the committed files byte for byte', () => {
    const { files } = buildGeographies({ geojsonDir: null });
    for (const name of OUTPUT_FILES) expect(files[name], name).toBe(fs.readFileSync(file(name), 'utf8'));
  });

  test.skipIf(!fs.existsSync(DEFAULT_GEOJSON_DIR))(
    'the 2025 codes and names match the boundary files in ../shared/geo',
    () => {
      const { report } = buildGeographies({ geojsonDir: DEFAULT_GEOJSON_DIR });
      expect(report).toContain('boundary files: 65 units match by code and name');
    },
  );
});
