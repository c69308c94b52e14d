import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { KIND_SPECS } from '../../api/src/imports/columns.ts';
import { mapHeader, validateRow } from '../../api/src/imports/validate.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { csv, encodeWindows1258, importFile, problemLines } from '../helpers/imports.ts';

/*
 * Files as offices really send them: Excel's CSV with BOM and CRLF, names typed in another keyboard
 * layout (NFD), Windows-1258 and the old TCVN3 and VNI encodings, workbooks with dates as serial
 * numbers in either date system, codes typed as numbers.
 */

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
});
afterAll(() => database?.close());

async function person(code: string) {
  const [row] = await database.db.execute<{ full_name: string; birth_date: string | null; unit: string }>(
    sql`select p.full_name, p.birth_date, u.code as unit from persons p join units u on u.id = p.unit_id
      where p.social_insurance_code = ${code}`,
  );
  return row;
}

describe('CSV', () => {
  test('BOM, CRLF, quoted commas and line breaks are read; NFD names are stored as NFC', async () => {
    const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
    const summary = await importFile(
      database,
      'units',
      `\ufeff${csv(
        'unit_code,name,district_code,commune_code,office_code,sector,address',
        `U-CSV1,"Công ty ${'Hòa Bình'.normalize('NFD')}, chi nhánh 1",901,90101,BHXH-90,NQD,"12 Trần Phú,\nNha Trang"`,
        'U-CSV2,Trường Mầm non Sao Mai,901,,BHXH-90,HCSN,',
        'U-CSV3,Bad,901,,BHXH-90,XYZ,',
      )}`,
      { skipInvalid: true },
    );
    // The quoted line break keeps row 2 one row, as a spreadsheet shows it: the bad row is row 4.
    expect(problemLines(summary)).toEqual([
      'row 4, column sector: "XYZ" is not one of HCSN, DNNN, FDI, NQD, HTX, KHAC',
    ]);
    expect(summary).toMatchObject({ outcome: 'APPLIED', rowsRead: 3, rowsNew: 2, rowsRejected: 1 });
    const [unit] = await database.db.execute<{ name: string; address: string }>(
      sql`select name, address from units where code = 'U-CSV1'`,
    );
    expect(unit).toEqual({ name: 'Công ty Hòa Bình, chi nhánh 1', address: '12 Trần Phú,\nNha Trang' });
    expect(unit?.name).toBe(unit?.name.normalize('NFC'));

    const people = await importFile(
      database,
      'persons',
      csv('social_insurance_code,full_name,unit_code', `9100000001,  ${nfd}  ,U-CSV1`),
    );
    expect(people.outcome).toBe('APPLIED');
    expect((await person('9100000001'))?.full_name).toBe('Nguyễn Thị Ánh'.normalize('NFC'));
  });

  test('tabs, backslashes and line breaks in a value are stored as written; a NUL is refused by row and column', async () => {
    // On PostgreSQL the rows reach the database through COPY, whose text format escapes these three.
    const address = 'Lô B\\12\tTầng 2\r\nNha Trang \\N';
    const summary = await importFile(
      database,
      'units',
      csv(
        'unit_code,name,district_code,commune_code,office_code,sector,address',
        `U-ESC1,Công ty Ký tự,901,,BHXH-90,NQD,"${address}"`,
        'U-ESC2,Công ty\u0000 Hỏng,901,,BHXH-90,NQD,',
      ),
      { skipInvalid: true },
    );
    expect(problemLines(summary)).toEqual(['row 3, column name: contains a NUL character (0x00)']);
    expect(summary).toMatchObject({ outcome: 'APPLIED', rowsNew: 1, rowsRejected: 1 });
    const [unit] = await database.db.execute<{ address: string }>(
      sql`select address from units where code = 'U-ESC1'`,
    );
    expect(unit?.address).toBe(address);
  });

  test('Vietnamese header names are accepted in any case and spacing', async () => {
    const summary = await importFile(
      database,
      'persons',
      csv(
        'MÃ SỐ BHXH,Họ  và tên,mã đơn vị,Ngày sinh,Giới tính',
        '9100000002,Trần Văn Bình,UA,15/03/1990,Nam',
      ),
    );
    expect(summary.problems).toEqual([]);
    expect(summary.outcome).toBe('APPLIED');
    expect(await person('9100000002')).toEqual({
      full_name: 'Trần Văn Bình',
      birth_date: '1990-03-15',
      unit: 'UA',
    });
  });

  test('unknown columns are ignored with a warning; a missing required column refuses the file', async () => {
    const extra = await importFile(
      database,
      'persons',
      csv('social_insurance_code,full_name,unit_code,Ghi chú', '9100000003,Lê Thị Cúc,UA,xyz'),
    );
    expect(problemLines(extra)).toEqual(['row 1: unknown column "Ghi chú" is ignored']);
    expect(extra).toMatchObject({ outcome: 'APPLIED', rowsNew: 1, warnings: 1 });

    const missing = await importFile(
      database,
      'persons',
      csv('social_insurance_code,full_name', '9100000004,X'),
    );
    expect(problemLines(missing)).toEqual([
      'row 1, column unit_code: the required column is missing from the header (name it unit_code or "mã đơn vị")',
    ]);
    expect(missing).toMatchObject({ outcome: 'REJECTED', accepted: false });
  });

  test('an empty file is refused; a file with only its header writes nothing and says so', async () => {
    const empty = await importFile(database, 'steps', '');
    expect(empty).toMatchObject({ outcome: 'REJECTED', accepted: false, rowsRead: 0 });
    expect(empty.problems[0]?.code).toBe('EMPTY_FILE');
    const blank = await importFile(database, 'steps', '\r\n\r\n');
    expect(blank.problems[0]?.code).toBe('EMPTY_FILE');

    const header = await importFile(database, 'steps', csv('social_insurance_code,step,date'));
    expect(header).toMatchObject({ outcome: 'APPLIED', accepted: true, rowsRead: 0, rowsNew: 0 });
    expect(problemLines(header)).toEqual(['the file has a header but no rows: nothing to import']);
  });
});

describe('encodings', () => {
  const names = csv(
    'social_insurance_code,full_name,unit_code',
    '9100000011,Nguyễn Thị Hường,UA',
    '9100000012,Đặng Quốc Việt,UA',
  );

  test('a Windows-1258 file is recognised, and its combining tone marks are stored composed (NFC)', async () => {
    const bytes = encodeWindows1258(names);
    expect(bytes.includes(Buffer.from([0xf2]))).toBe(true); // U+0323, the dot below of ị and ặ, on its own
    const summary = await importFile(database, 'persons', bytes, { dryRun: true });
    expect(summary).toMatchObject({
      outcome: 'DRY_RUN',
      accepted: true,
      encoding: 'windows-1258',
      rowsNew: 2,
    });

    const named = await importFile(database, 'persons', bytes, { encoding: 'windows-1258' });
    expect(named).toMatchObject({ outcome: 'APPLIED', rowsNew: 2 });
    expect((await person('9100000011'))?.full_name).toBe('Nguyễn Thị Hường'.normalize('NFC'));
    expect((await person('9100000012'))?.full_name).toBe('Đặng Quốc Việt'.normalize('NFC'));
  });

  test('a file that is not UTF-8 and not recognisable is refused, saying how to give the encoding', async () => {
    const bytes = Buffer.concat([
      Buffer.from('social_insurance_code,full_name,unit_code\r\n9100000013,'),
      Buffer.from([0x81, 0x8d, 0x90]),
      Buffer.from(',UA\r\n'),
    ]);
    const summary = await importFile(database, 'persons', bytes);
    expect(summary).toMatchObject({ outcome: 'REJECTED', accepted: false });
    expect(summary.problems[0]?.code).toBe('NOT_UTF8');
    expect(problemLines(summary)[0]).toMatch(/not UTF-8 .*--encoding windows-1258/);
    expect(await person('9100000013')).toBeUndefined();

    const wrongName = await importFile(database, 'persons', encodeWindows1258(names), { encoding: 'utf-8' });
    expect(wrongName.problems[0]?.code).toBe('NOT_UTF8');
  });

  test('TCVN3 and VNI files are recognised and refused with what to do; TCVN3 reads when named', async () => {
    const text = csv('social_insurance_code,full_name,unit_code', '9100000014,nguyễn thị hường,UA');
    const tcvn3 = iconv.encode(text, 'tcvn');
    const refused = await importFile(database, 'persons', tcvn3);
    expect(refused.problems[0]?.code).toBe('LEGACY_ENCODING');
    expect(refused.problems[0]?.message).toMatch(/TCVN3.*--encoding tcvn3/);

    const vni = Buffer.from(
      csv('social_insurance_code,full_name,unit_code', '9100000015,Nguyeãn Thò Höôøng,UA'),
      'latin1',
    );
    const vniRefused = await importFile(database, 'persons', vni);
    expect(vniRefused.problems[0]?.code).toBe('LEGACY_ENCODING');
    expect(vniRefused.problems[0]?.message).toMatch(/VNI/);
    expect(await person('9100000015')).toBeUndefined();

    const named = await importFile(database, 'persons', tcvn3, { encoding: 'tcvn3' });
    expect(named.outcome).toBe('APPLIED');
    expect((await person('9100000014'))?.full_name).toBe('nguyễn thị hường');
  });
});

describe('XLSX', () => {
  async function workbook(rows: unknown[][], date1904 = false): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = date1904;
    const sheet = book.addWorksheet('Dữ liệu');
    for (const row of rows) sheet.addRow(row);
    book.addWorksheet('Second').addRow(['ignored']);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  test('a workbook is read whole while the disk is slow', async () => {
    // exceljs's own walk of the zip parked a sheet in a temporary file and, while it was written,
    // lost the workbook's last part: "Cannot read properties of undefined (reading 'sheets')" in one
    // CI run, every time with a disk this slow (exceljs#3064).
    const createWriteStream = fs.createWriteStream;
    const slow = vi.spyOn(fs, 'createWriteStream').mockImplementation(((
      ...args: Parameters<typeof createWriteStream>
    ) => {
      const stream = createWriteStream(...args);
      const emit = stream.emit.bind(stream);
      stream.emit = ((event: string, ...rest: unknown[]) => {
        if (event !== 'finish') return emit(event, ...rest);
        setTimeout(() => emit(event, ...rest), 30);
        return true;
      }) as typeof stream.emit;
      return stream;
    }) as typeof createWriteStream);
    try {
      const bytes = await workbook([
        ['social_insurance_code', 'full_name', 'unit_code'],
        ['9100000051', 'Đỗ Văn Một', 'UA'],
        ['9100000052', 'Đỗ Văn Hai', 'UA'],
      ]);
      const summary = await importFile(database, 'persons', bytes, { fileName: 'persons.xlsx' });
      expect(problemLines(summary)).toEqual([]);
      expect(summary.outcome).toBe('APPLIED');
      expect((await person('9100000052'))?.full_name).toBe('Đỗ Văn Hai');
    } finally {
      slow.mockRestore();
    }
  });

  test('serial dates, dates and text dates read as the same day in the 1900 date system', async () => {
    const bytes = await workbook([
      ['social_insurance_code', 'full_name', 'unit_code', 'birth_date'],
      ['9100000021', 'Phạm Văn An', 'UA', 33117], // serial 33117 = 1990-09-01
      ['9100000022', 'Phạm Văn Ba', 'UA', new Date(Date.UTC(1985, 1, 28))],
      ['9100000023', 'Phạm Văn Ca', 'UA', '01/09/1990'],
      ['9100000024', 'Phạm Văn Da', 'UA', 60], // 29/02/1900 exists only in Excel
    ]);
    const summary = await importFile(database, 'persons', bytes, {
      fileName: 'persons.xlsx',
      skipInvalid: true,
    });
    expect(summary.format).toBe('xlsx');
    expect(problemLines(summary)).toEqual([
      'row 5, column birth_date: the value is not a real day (yyyy-mm-dd or dd/mm/yyyy)',
    ]);
    expect((await person('9100000021'))?.birth_date).toBe('1990-09-01');
    expect((await person('9100000022'))?.birth_date).toBe('1985-02-28');
    expect((await person('9100000023'))?.birth_date).toBe('1990-09-01');
  });

  test('a workbook in the 1904 date system reads its serial dates from 1904', async () => {
    const bytes = await workbook(
      [
        ['social_insurance_code', 'full_name', 'unit_code', 'birth_date'],
        ['9100000031', 'Võ Thị Mai', 'UA', 31655], // 1904 system: 1990-09-01
      ],
      true,
    );
    const summary = await importFile(database, 'persons', bytes, { fileName: 'persons.xlsx' });
    expect(summary.outcome).toBe('APPLIED');
    expect((await person('9100000031'))?.birth_date).toBe('1990-09-01');
  });

  test('a code typed as a number is taken when its length shows nothing was lost, refused otherwise', async () => {
    const bytes = await workbook([
      ['social_insurance_code', 'full_name', 'unit_code', 'id_number'],
      [9100000041, 'Hồ Văn Tư', 'UA', 123456789012],
      [123456789, 'Hồ Văn Năm', 'UA', null],
      [9100000043, 'Hồ Văn Sáu', 'UA', 12345678],
    ]);
    const summary = await importFile(database, 'persons', bytes, { fileName: 'persons.xlsx' });
    expect(problemLines(summary)).toEqual([
      'row 3, column social_insurance_code: is a number in the spreadsheet, which drops leading zeros; a social-insurance code has 10 digits. Format the column as Text and type the code again',
      'row 4, column id_number: is a number in the spreadsheet, which drops leading zeros; an ID number has 9 or 12 digits. Format the column as Text and type the code again',
    ]);
    expect(summary.outcome).toBe('REJECTED');
  });

  test('a date cell given as a Date is its calendar day, whatever the time zone of the server', () => {
    const spec = KIND_SPECS.steps;
    const { map } = mapHeader(spec, ['social_insurance_code', 'step', 'date']);
    // Excel's 15/05/2021 as exceljs builds it: midnight UTC, which is 07:00 in Asia/Ho_Chi_Minh and
    // still 14/05 in America; the day is the same in every zone.
    const row = { row: 2, cells: ['9000000001', 'REGISTERED', new Date(Date.UTC(2021, 4, 15))] };
    const checked = validateRow(spec, map, row, { today: '2021-12-31', date1904: false });
    expect(checked).toEqual({
      values: { social_insurance_code: '9000000001', step: 'REGISTERED', date: '2021-05-15' },
      problems: [],
    });
  });

  test('a file that is not a workbook is refused', async () => {
    const summary = await importFile(database, 'persons', Buffer.from('PK\u0003\u0004 not really'), {
      fileName: 'persons.xlsx',
    });
    expect(summary.outcome).toBe('REJECTED');
    expect(summary.problems[0]?.code).toBe('UNREADABLE_FILE');
  });
});
