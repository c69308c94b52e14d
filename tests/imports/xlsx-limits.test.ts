import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import {
  MAX_CELL_LENGTH,
  MAX_COLUMNS,
  MAX_SHARED_STRINGS_BYTES,
  MAX_XLSX_ROWS,
  MAX_XLSX_UNCOMPRESSED_BYTES,
} from '../../api/src/imports/limits.ts';
import type { ImportSummary } from '../../api/src/imports/run.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { importFile, problemLines } from '../helpers/imports.ts';
import {
  inlineWorkbook,
  repeatedPart,
  SHARED_STRINGS_HEAD,
  SHARED_STRINGS_TAIL,
  sheetPart,
  withPart,
  workbookParts,
  type ZipPart,
  zipOf,
} from '../helpers/zips.ts';

/*
 * Workbooks made to hurt: a zip bomb (2 MB whose shared strings expand to 580 MB), the same with
 * headers that lie about its sizes or hide it from the central directory, a giant string, too many
 * rows or columns, a cell too long. Each is refused with a problem naming the limit (the hidden bomb
 * is never read at all), nothing is written, and the bombs cost the process no more than a little memory.
 */

const MB = 1024 * 1024;
const HEADER = ['social_insurance_code', 'full_name', 'unit_code'];

let database: Database;
let parts: ZipPart[];
/** 580 MB of shared strings, 24 million of them, in about 1,5 MB: the tester's bomb. */
let manyStrings: ZipPart;
/** One string of 580 MB of "A". */
let oneString: ZipPart;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  parts = await workbookParts([HEADER, ['9100000001', 'Nguyễn Văn An', 'UA']]);
  const size = 580 * MB;
  manyStrings = await repeatedPart(
    'xl/sharedStrings.xml',
    SHARED_STRINGS_HEAD,
    '<si><t>Nguyễn Văn An</t></si>',
    SHARED_STRINGS_TAIL,
    size,
  );
  oneString = await repeatedPart(
    'xl/sharedStrings.xml',
    `${SHARED_STRINGS_HEAD}<si><t>`,
    'A',
    `</t></si>${SHARED_STRINGS_TAIL}`,
    size,
  );
});
afterAll(() => database?.close());

/** What the import must leave as it was: every person, step and unit, and the rollups. */
async function data() {
  return database.db.execute(sql`
    select (select count(*)::int from persons) as persons,
           (select count(*)::int from person_steps) as steps,
           (select count(*)::int from units) as units,
           (select string_agg(social_insurance_code || ':' || full_name, ',' order by social_insurance_code)
              from persons) as names,
           (select coalesce(sum(persons), 0)::int from unit_totals) as rolled_up`);
}

/** Imports the file as persons, sampling the process's RSS meanwhile: the summary and the peak growth. */
async function importMeasured(bytes: Buffer): Promise<{ summary: ImportSummary; growthMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    const summary = await importFile(database, 'persons', bytes, { fileName: 'persons.xlsx' });
    peak = Math.max(peak, process.memoryUsage.rss());
    return { summary, growthMb: (peak - before) / MB };
  } finally {
    clearInterval(sampler);
  }
}

/** Imports the file and checks it was refused for one reason, writing nothing; that problem. */
async function refused(bytes: Buffer, options: { dryRun?: boolean; fileName?: string } = {}) {
  const before = await data();
  const summary = await importFile(database, 'persons', bytes, { fileName: 'persons.xlsx', ...options });
  expect(summary.outcome, problemLines(summary).join('\n')).toBe(options.dryRun ? 'DRY_RUN' : 'REJECTED');
  expect(summary.accepted).toBe(false);
  expect(summary.problems).toHaveLength(1);
  expect(await data()).toEqual(before);
  const [history] = await database.db.execute<{ outcome: string }>(
    sql`select outcome::text as outcome from imports where id = ${summary.importId}`,
  );
  expect(history?.outcome).toBe(options.dryRun ? 'DRY_RUN' : 'REJECTED');
  return summary.problems[0] as ImportSummary['problems'][number];
}

describe('the zip, before exceljs reads it', () => {
  test('a bomb whose shared strings expand to 580 MB is refused at once, naming the limit', async () => {
    const bytes = zipOf(withPart(parts, manyStrings));
    expect(bytes.length).toBeLessThan(2 * MB);
    const before = await data();
    const { summary, growthMb } = await importMeasured(bytes);
    expect(summary.outcome).toBe('REJECTED');
    expect(problemLines(summary)).toEqual([
      'the workbook expands to 580 MB uncompressed; at most 256 MB is read. Split it into smaller files, or save it as "CSV UTF-8".',
    ]);
    expect(summary.problems[0]).toMatchObject({
      code: 'OVER_LIMIT',
      messageVi: expect.stringContaining('bảng tính giải nén ra 580 MB; chỉ đọc tối đa 256 MB'),
    });
    expect(MAX_XLSX_UNCOMPRESSED_BYTES).toBe(256 * MB);
    // Before the limits this cost 2,5 GB of memory and 48 s. A behaviour check, not a measure.
    expect(growthMb).toBeLessThan(150);
    expect(await data()).toEqual(before);
  });

  test('a bomb whose headers declare 1.000 bytes is refused once 64 MB of it are inflated, and costs no memory', async () => {
    const bytes = zipOf(withPart(parts, { ...manyStrings, declaredSize: 1000 }));
    const before = await data();
    const { summary, growthMb } = await importMeasured(bytes);
    expect(summary.outcome).toBe('REJECTED');
    expect(problemLines(summary)).toEqual([
      `the workbook's shared strings (xl/sharedStrings.xml) expand to more than 64 MB (its zip headers declare 1.000 bytes); at most 64 MB is read. Split it into smaller files, or save it as "CSV UTF-8".`,
    ]);
    expect(summary.problems[0]?.messageVi).toContain(
      'giải nén ra hơn 64 MB (phần đầu tệp zip khai 1.000 byte)',
    );
    expect(MAX_SHARED_STRINGS_BYTES).toBe(64 * MB);
    expect(growthMb).toBeLessThan(150);
    expect(await data()).toEqual(before);
  });

  test('any part that lies about its size is counted into the workbook’s total', async () => {
    // A part exceljs does not parse, but still inflates as it walks the zip.
    const padding = { ...manyStrings, name: 'xl/media/image1.png', declaredSize: 1000 };
    const problem = await refused(zipOf([...parts, padding]));
    expect(problem).toMatchObject({
      code: 'OVER_LIMIT',
      message: expect.stringMatching(
        /^the workbook expands to more than 256 MB uncompressed \(its zip headers declare \d+ KB\); at most 256 MB is read\./,
      ),
      messageVi: expect.stringMatching(
        /^bảng tính giải nén ra hơn 256 MB \(phần đầu tệp zip khai \d+ KB\); chỉ đọc tối đa 256 MB/,
      ),
    });
  });

  test('a bomb left out of the central directory, sizes after the data, is never inflated', async () => {
    // Only a reader that walks the local headers in order would meet it; the import reads the parts
    // the directory lists, so the workbook is read without its shared strings: no rows in it.
    const hidden = { ...manyStrings, hidden: true, dataDescriptor: true, declaredSize: 1000 };
    const bytes = zipOf([...parts.filter((p) => p.name !== 'xl/sharedStrings.xml'), hidden]);
    const before = await data();
    const { summary, growthMb } = await importMeasured(bytes);
    expect(summary.outcome).toBe('REJECTED');
    expect(summary.problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
    expect(growthMb).toBeLessThan(150);
    expect(await data()).toEqual(before);
  });

  test('one string of 580 MB, its sizes a lie, is refused before exceljs gathers it', async () => {
    const problem = await refused(zipOf(withPart(parts, { ...oneString, declaredSize: 1000 })), {
      dryRun: true,
    });
    expect(problem).toMatchObject({
      code: 'OVER_LIMIT',
      row: null,
      message:
        'xl/sharedStrings.xml holds a text or tag of more than 256 KB in one piece, longer than a cell can be (at most 32.767 characters)',
      messageVi:
        'xl/sharedStrings.xml chứa một đoạn văn bản hoặc thẻ dài hơn 256 KB liền một khối, dài hơn một ô có thể chứa (tối đa 32.767 ký tự)',
    });
  });

  test('a sheet of more rows than Excel has is refused without parsing them', async () => {
    const rows = await repeatedPart(
      'xl/worksheets/sheet1.xml',
      '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      '<row><c><v>1</v></c></row>',
      '</sheetData></worksheet>',
      26 * (MAX_XLSX_ROWS + 10),
    );
    const started = performance.now();
    const problem = await refused(zipOf(withPart(parts, rows)));
    expect(problem).toMatchObject({
      code: 'OVER_LIMIT',
      message: `xl/worksheets/sheet1.xml has more than 1.048.576 rows, Excel's own limit. Split it into smaller files, or save it as "CSV UTF-8".`,
    });
    expect(problem.messageVi).toContain('có hơn 1.048.576 dòng, giới hạn của chính Excel');
    // exceljs takes some 15 s for a million rows; the count takes well under one. Not a measure.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  test('a file that is not a zip archive is refused as unreadable', async () => {
    const problem = await refused(Buffer.from('PK\u0003\u0004 not really'));
    expect(problem.code).toBe('UNREADABLE_FILE');
  });

  test('an empty .xlsx, or a zip cut short, is refused as unreadable, not left waiting', async () => {
    // unzipper, exceljs's reader, waits forever for more of a file of no bytes.
    expect(await refused(Buffer.alloc(0))).toMatchObject({
      code: 'UNREADABLE_FILE',
      message: 'The file cannot be read as an Excel workbook (.xlsx): it is not a zip archive',
    });
    const whole = zipOf(parts);
    expect(await refused(whole.subarray(0, Math.floor(whole.length / 2)))).toMatchObject({
      code: 'UNREADABLE_FILE',
      message: 'The file cannot be read as an Excel workbook (.xlsx): the zip archive is cut short',
    });
  });
});

describe('rows, columns and cells, as the sheet streams', () => {
  test('a row numbered past Excel’s last row is refused at that row', async () => {
    const sheet = sheetPart([
      [1, HEADER],
      [2, ['9100000002', 'Lê Thị Bình', 'UA']],
      [MAX_XLSX_ROWS + 1, ['9100000003', 'Lê Thị Cúc', 'UA']],
    ]);
    const problem = await refused(zipOf(withPart(parts, sheet)));
    expect(problem).toMatchObject({
      code: 'OVER_LIMIT',
      row: 1_048_577,
      message: "the sheet has more than 1.048.576 rows, Excel's own limit; split it into smaller files",
      messageVi: 'trang tính có hơn 1.048.576 dòng, giới hạn của chính Excel; hãy chia thành các tệp nhỏ hơn',
    });
  });

  test('a row of 300 cells is refused at that row, naming the limit', async () => {
    const wide = ['9100000004', 'Trần Văn Dũng', 'UA', ...Array.from({ length: 297 }, (_, i) => `x${i}`)];
    const bytes = await inlineWorkbook([HEADER, ['9100000005', 'Trần Văn Em', 'UA'], wide]);
    const problem = await refused(bytes);
    expect(problem).toMatchObject({
      code: 'OVER_LIMIT',
      row: 3,
      message: 'the row has 300 columns (up to column KN); at most 100 are read',
      messageVi: 'dòng có 300 cột (đến cột KN); chỉ đọc tối đa 100 cột',
    });
    expect(MAX_COLUMNS).toBe(100);
  });

  test('a cell of 40.000 characters is refused at its row and column', async () => {
    const bytes = await inlineWorkbook([HEADER, ['9100000006', 'Đỗ Văn Phúc', 'UA', 'A'.repeat(40_000)]]);
    const problem = await refused(bytes);
    expect(problem).toMatchObject({
      code: 'OVER_LIMIT',
      row: 2,
      message: "cell D2 holds 40.000 characters; a cell holds at most 32.767 (Excel's own limit)",
      messageVi: 'ô D2 chứa 40.000 ký tự; mỗi ô chứa tối đa 32.767 ký tự (giới hạn của chính Excel)',
    });
    expect(MAX_CELL_LENGTH).toBe(32_767);
  });

  test('a shared string of 40.000 characters is refused, naming it', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Dữ liệu');
    sheet.addRow(HEADER);
    sheet.addRow(['9100000007', 'Đỗ Văn Giang', 'UA', 'B'.repeat(40_000)]);
    const problem = await refused(Buffer.from(await book.xlsx.writeBuffer()));
    expect(problem).toMatchObject({
      code: 'OVER_LIMIT',
      row: null,
      message:
        "shared string 7 of the workbook holds 40.000 characters; at most 32.767 are read (Excel's own limit for a cell)",
      messageVi:
        'chuỗi dùng chung thứ 7 của bảng tính chứa 40.000 ký tự; chỉ đọc tối đa 32.767 ký tự (giới hạn một ô của chính Excel)',
    });
  });

  test('a workbook at the limits is read: 100 columns, a cell of 32.767 characters', async () => {
    const extra = Array.from({ length: MAX_COLUMNS - HEADER.length }, (_, i) => `note ${i + 1}`);
    const row = ['9100000008', 'Vũ Thị Hà', 'UA', ...extra.map(() => 'x')];
    row[MAX_COLUMNS - 1] = 'C'.repeat(MAX_CELL_LENGTH);
    const summary = await importFile(
      database,
      'persons',
      await inlineWorkbook([[...HEADER, ...extra], row]),
      {
        fileName: 'persons.xlsx',
      },
    );
    expect(summary).toMatchObject({ outcome: 'APPLIED', rowsRead: 1, rowsNew: 1, errors: 0 });
    expect(summary.problems.every((p) => p.code === 'UNKNOWN_COLUMN')).toBe(true);
  });

  test('a CSV file is held to the same limits: a row of 300 columns, a cell of 40.000 characters, a quote left open', async () => {
    const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
    const wide = ['9100000009', 'Lê Văn Khoa', 'UA', ...Array.from({ length: 297 }, (_, i) => `x${i}`)];
    expect(await refused(csv([HEADER, wide]), { fileName: 'persons.csv' })).toMatchObject({
      code: 'OVER_LIMIT',
      row: 2,
      message: 'the row has 300 columns (up to column KN); at most 100 are read',
    });
    expect(
      await refused(csv([HEADER, ['9100000010', 'Lê Văn Long', 'UA', 'A'.repeat(40_000)]]), {
        fileName: 'persons.csv',
      }),
    ).toMatchObject({
      code: 'OVER_LIMIT',
      row: 2,
      message: "cell D2 holds 40.000 characters; a cell holds at most 32.767 (Excel's own limit)",
    });
    // An open quote swallows every later line into one cell: refused at the row it opened on.
    const lines = Array.from({ length: 200_000 }, (_, i) => `91${String(i).padStart(8, '0')},Tên ${i},UA`);
    const open = Buffer.from([HEADER.join(','), '9100000011,"Lê Văn Minh,UA', ...lines].join('\n'));
    expect(await refused(open, { fileName: 'persons.csv' })).toMatchObject({
      code: 'OVER_LIMIT',
      row: 2,
      message: expect.stringContaining('is a quote left open?'),
    });
  });
});
