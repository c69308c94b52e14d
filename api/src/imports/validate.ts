import { parseUserDate } from '../lib/dates.ts';
import { type ColumnSpec, foldHeader, type KindSpec } from './columns.ts';
import { type Problem, problem, quote } from './problems.ts';
import type { Cell, SheetRow } from './read.ts';

/*
 * Checks that need nothing but the row itself: required cells, formats, real days, enum values. What
 * needs the database or the other rows (references, duplicates, the order of steps) is checked set-based
 * once the rows are staged (see stage.ts).
 */

/** Which file column holds which contract column; `null` for a column the kind does not know. */
export interface HeaderMap {
  columns: (ColumnSpec | null)[];
  /** The contract columns the file has. */
  present: Set<string>;
}

/** A row's values as stored: NFC text, "yyyy-mm-dd" days, enum values; null for an empty cell. */
export type RowValues = Record<string, string | null>;

export function mapHeader(
  spec: Pick<KindSpec, 'columns'>,
  header: Cell[],
): { map: HeaderMap; problems: Problem[] } {
  const byName = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    byName.set(foldHeader(column.name), column);
    byName.set(foldHeader(column.vi), column);
  }
  const problems: Problem[] = [];
  const present = new Set<string>();
  const columns = header.map((cell) => {
    const name = cell === null ? '' : String(cell);
    const column = byName.get(foldHeader(name));
    if (!column) {
      if (foldHeader(name) !== '')
        problems.push(
          problem(
            'UNKNOWN_COLUMN',
            {
              en: `unknown column ${quote(name.trim())} is ignored`,
              vi: `cột không xác định ${quote(name.trim())} được bỏ qua`,
            },
            { row: 1 },
          ),
        );
      return null;
    }
    if (present.has(column.name)) {
      problems.push(
        problem(
          'DUPLICATE_COLUMN',
          { en: 'the column appears twice in the header', vi: 'cột xuất hiện hai lần ở dòng tiêu đề' },
          { row: 1, column: column.name },
        ),
      );
      return null;
    }
    present.add(column.name);
    return column;
  });
  for (const column of spec.columns) {
    if (column.required && !present.has(column.name))
      problems.push(
        problem(
          'MISSING_COLUMN',
          {
            en: `the required column is missing from the header (name it ${column.name} or "${column.vi}")`,
            vi: `thiếu cột bắt buộc ở dòng tiêu đề (đặt tên ${column.name} hoặc "${column.vi}")`,
          },
          { row: 1, column: column.name },
        ),
      );
  }
  return { map: { columns, present }, problems };
}

export interface RowContext {
  today: string;
  date1904: boolean;
}

/** A row with no value in any cell: skipped, as a spreadsheet's blank line. */
export function isBlank(row: SheetRow): boolean {
  for (const c of row.cells) if (c !== null && !(typeof c === 'string' && c.trim() === '')) return false;
  return true;
}

/** The row's values, and what is wrong with it (a row with an error is not written). */
export function validateRow(
  spec: Pick<KindSpec, 'columns'>,
  map: HeaderMap,
  row: SheetRow,
  context: RowContext,
): { values: RowValues; problems: Problem[] } {
  const values: RowValues = {};
  const problems: Problem[] = [];
  for (let i = 0; i < map.columns.length; i++) {
    const column = map.columns[i];
    if (!column) continue;
    const result = convert(column, row.cells[i] ?? null, context);
    if (typeof result === 'string' || result === null) values[column.name] = result;
    else {
      values[column.name] = null;
      problems.push(problem(result.code, result, { row: row.row, column: column.name }));
    }
  }
  for (const column of spec.columns) {
    if (column.required && map.present.has(column.name) && values[column.name] === null)
      if (!problems.some((p) => p.column === column.name))
        problems.push(
          problem(
            'REQUIRED',
            { en: 'is empty but required', vi: 'bị bỏ trống nhưng là cột bắt buộc' },
            { row: row.row, column: column.name },
          ),
        );
  }
  return { values, problems };
}

type Failure = { code: Problem['code']; en: string; vi: string };
const fail = (code: Problem['code'], en: string, vi: string): Failure => ({ code, en, vi });

const CODE = /^[0-9A-Za-z][0-9A-Za-z._/-]{0,31}$/;
/** Area codes as the areas table allows them (national codes are digits). */
const AREA_CODE = /^[0-9A-Za-z.-]{1,16}$/;
const AREA_COLUMNS = new Set(['area_code', 'parent_code', 'district_code', 'commune_code']);
const SI_CODE = /^\d{10}$/;
const ASCII = /^[\x20-\x7e]*$/;
const ID_NUMBER = /^(\d{9}|\d{12})$/;
const TAX_CODE = /^\d{10}(-\d{3})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?\d{8,15}$/;

/** A value as a message repeats it; a person's data never is. Built only for cells that need a message. */
function shown(column: ColumnSpec, text: string, language: 'en' | 'vi' = 'en'): string {
  if (column.personal) return language === 'en' ? 'the value' : 'giá trị';
  return quote(text);
}

// Called for every cell of a million rows: no closure is created per cell.
function convert(column: ColumnSpec, cell: Cell, context: RowContext): string | null | Failure {
  if (cell === null) return null;
  if (column.type === 'date') return convertDate(column, cell, context);
  if (typeof cell === 'number') return convertNumber(column, cell);
  const raw = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  // Most cells are plain ASCII, which NFC leaves as it is: skip the call for them (a million rows).
  const text = (ASCII.test(raw) ? raw : raw.normalize('NFC')).trim();
  if (text === '') return null;
  // A NUL is what a damaged export leaves; PostgreSQL cannot store it in a text.
  if (text.includes('\u0000'))
    return fail('BAD_FORMAT', 'contains a NUL character (0x00)', 'chứa ký tự NUL (0x00)');
  switch (column.type) {
    case 'text':
      return text.length > (column.maxLength ?? 300)
        ? fail(
            'TOO_LONG',
            `is longer than ${column.maxLength} characters`,
            `dài quá ${column.maxLength} ký tự`,
          )
        : text;
    case 'code': {
      const ok = AREA_COLUMNS.has(column.name) ? AREA_CODE.test(text) : CODE.test(text);
      return ok
        ? text
        : fail(
            'BAD_FORMAT',
            `${shown(column, text)} is not a code (letters, digits, ".", "-", "_" or "/", up to ${AREA_COLUMNS.has(column.name) ? 16 : 32} characters)`,
            `${shown(column, text, 'vi')} không phải là mã hợp lệ (chữ, số, ".", "-", "_" hoặc "/")`,
          );
    }
    case 'siCode':
      return SI_CODE.test(text)
        ? text
        : fail(
            'BAD_FORMAT',
            'is not a social-insurance code (10 digits)',
            'không phải mã số BHXH hợp lệ (10 chữ số)',
          );
    case 'idNumber':
      return ID_NUMBER.test(text)
        ? text
        : fail(
            'BAD_FORMAT',
            'is not an ID number (9 digits for a CMND, 12 for a CCCD)',
            'không phải số CMND/CCCD hợp lệ (9 chữ số với CMND, 12 với CCCD)',
          );
    case 'taxCode':
      return TAX_CODE.test(text)
        ? text
        : fail(
            'BAD_FORMAT',
            `${shown(column, text)} is not a tax code (10 digits, or 10 digits "-" 3 digits for a branch)`,
            `${shown(column, text, 'vi')} không phải mã số thuế hợp lệ (10 chữ số, hoặc 10 chữ số "-" 3 chữ số với chi nhánh)`,
          );
    case 'email':
      return EMAIL.test(text)
        ? text
        : fail(
            'BAD_FORMAT',
            `${shown(column, text)} is not an e-mail address`,
            `${shown(column, text, 'vi')} không phải địa chỉ email`,
          );
    case 'phone': {
      const compact = text.replace(/[\s.()-]/g, '');
      return PHONE.test(compact)
        ? compact
        : fail(
            'BAD_FORMAT',
            `${shown(column, text)} is not a phone number (8 to 15 digits)`,
            `${shown(column, text, 'vi')} không phải số điện thoại (8 đến 15 chữ số)`,
          );
    }
    case 'enum': {
      const value = column.values?.[text.toLowerCase()];
      if (value) return value;
      const allowed = [...new Set(Object.values(column.values ?? {}))].join(', ');
      return fail(
        'BAD_VALUE',
        `${quote(text)} is not one of ${allowed}`,
        `${quote(text)} không thuộc các giá trị ${allowed}`,
      );
    }
    default:
      return text;
  }
}

/*
 * Excel keeps codes typed as numbers as numbers, and a number has no leading zero: 0123456789 becomes
 * 123456789. A code whose length says nothing was lost is taken as it is; otherwise the row is refused
 * rather than padded, because a code is an identity and a guess could name someone else.
 */
function convertNumber(column: ColumnSpec, n: number): string | Failure {
  const digits = Number.isInteger(n) && n >= 0 ? String(n) : null;
  const lost = (what: string, whatVi: string) =>
    fail(
      'NUMBER_LOST_ZEROS',
      `is a number in the spreadsheet, which drops leading zeros; ${what}. Format the column as Text and type the code again`,
      `là số trong bảng tính nên mất số 0 ở đầu; ${whatVi}. Hãy định dạng cột là Văn bản (Text) và nhập lại mã`,
    );
  switch (column.type) {
    case 'siCode':
      return digits?.length === 10
        ? digits
        : lost('a social-insurance code has 10 digits', 'mã số BHXH có 10 chữ số');
    case 'idNumber':
      return digits?.length === 9 || digits?.length === 12
        ? digits
        : lost('an ID number has 9 or 12 digits', 'số CMND/CCCD có 9 hoặc 12 chữ số');
    case 'taxCode':
      return digits?.length === 10 ? digits : lost('a tax code has 10 digits', 'mã số thuế có 10 chữ số');
    case 'phone':
      return digits?.startsWith('84')
        ? `+${digits}`
        : lost('a phone number starts with 0', 'số điện thoại bắt đầu bằng 0');
    case 'enum':
    case 'text':
    case 'email':
      return convert(column, String(n), { today: '', date1904: false }) as string | Failure;
    default:
      return digits && CODE.test(digits)
        ? digits
        : fail('BAD_FORMAT', `${n} is not a code`, `${n} không phải là mã hợp lệ`);
  }
}

const dateCache = new Map<string, string | null>();

/** Day 0 of Excel's two date systems; the 1900 system counts a 29/02/1900 that never was (serial 60). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function convertDate(column: ColumnSpec, cell: Cell, context: RowContext): string | null | Failure {
  let day: string | null;
  let shown: string;
  if (typeof cell === 'number') {
    shown = String(cell);
    const serial = Math.floor(cell);
    if (!context.date1904 && serial === 60) day = null;
    else {
      const days = context.date1904 ? serial : serial < 60 ? serial + 1 : serial;
      day = new Date((context.date1904 ? EPOCH_1904 : EPOCH_1900) + days * 86_400_000)
        .toISOString()
        .slice(0, 10);
      if (serial < 1) day = null;
    }
  } else if (cell instanceof Date) {
    // exceljs builds a spreadsheet day as midnight UTC: its UTC date is the day, whatever our zone.
    shown = cell.toISOString();
    day = Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  } else {
    shown = String(cell).trim();
    if (shown === '') return null;
    if (!dateCache.has(shown)) {
      if (dateCache.size > 10_000) dateCache.clear();
      dateCache.set(shown, parseUserDate(shown));
    }
    day = dateCache.get(shown) ?? null;
  }
  if (day === null || day < '1900-01-01')
    return fail(
      'BAD_DATE',
      `${column.personal ? 'the value' : quote(shown)} is not a real day (yyyy-mm-dd or dd/mm/yyyy)`,
      `${column.personal ? 'giá trị' : quote(shown)} không phải ngày hợp lệ (yyyy-mm-dd hoặc dd/mm/yyyy)`,
    );
  if (day > context.today)
    return fail(
      'FUTURE_DATE',
      `${column.personal ? 'the day' : day} is after today (${context.today})`,
      `${column.personal ? 'ngày' : day} sau ngày hôm nay (${context.today})`,
    );
  return day;
}
