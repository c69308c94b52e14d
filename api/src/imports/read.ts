import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { decodeText, FileRefusedError } from './encoding.ts';
import {
  count,
  MAX_CELL_LENGTH,
  MAX_COLUMNS,
  MAX_CSV_RECORD_CHARACTERS,
  MAX_SHARED_STRING_LENGTH,
  MAX_XLSX_ROWS,
} from './limits.ts';
import { problem } from './problems.ts';
import { inspectXlsx } from './zip.ts';

/*
 * A file as rows of cells, streamed: CSV through csv-parse, XLSX (first sheet) through exceljs's
 * streaming reader (workbook-reader.ts), so a million rows never sit in memory as objects at once. A workbook is measured
 * first (zip.ts) and held to the limits on rows, columns and cells as it streams (limits.ts).
 */

/** A cell as read: CSV gives strings; XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number a spreadsheet shows (header = 1). */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  /** The text encoding a CSV file was read in. */
  encoding: string | null;
  /** Whether the workbook counts days from 1904 (Excel for Mac's old default); known once rows flow. */
  date1904: () => boolean;
  rows: AsyncIterable<SheetRow>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isXlsx(bytes: Buffer, fileName: string): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b) || /\.xlsx$/i.test(fileName);
}

export function openSheet(bytes: Buffer, fileName: string, encoding?: string): Sheet {
  if (isXlsx(bytes, fileName)) return openXlsx(bytes);
  const { text, encoding: used } = decodeText(bytes, encoding);
  return { format: 'csv', encoding: used, date1904: () => false, rows: csvRows(text) };
}

async function* csvRows(text: string | Buffer): AsyncGenerator<SheetRow> {
  // Empty lines are kept (and skipped later) so that row numbers match what a spreadsheet shows. A
  // record is bounded as a workbook's row is: csv-parse stops gathering one past the widest row allowed.
  const parser = Readable.from(chunks(text)).pipe(
    parse({ relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_CSV_RECORD_CHARACTERS }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: limitCells(record, row) };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The parser may be ahead of the rows taken so far: its own count of records says where it stopped.
    const records = (error as CsvError & { records?: number }).records;
    if (typeof records === 'number') row = Math.max(row, records);
    if (error.code === 'CSV_MAX_RECORD_SIZE')
      throw overLimit(
        row + 1,
        `row ${row + 1} runs past ${count(MAX_CSV_RECORD_CHARACTERS)} characters (${count(MAX_COLUMNS)} columns of at most ${count(MAX_CELL_LENGTH)}); is a quote left open?`,
        `dòng ${row + 1} dài quá ${count(MAX_CSV_RECORD_CHARACTERS)} ký tự (${count(MAX_COLUMNS)} cột, mỗi cột tối đa ${count(MAX_CELL_LENGTH)}); có dấu ngoặc kép nào chưa đóng không?`,
      );
    throw new FileRefusedError(
      problem(
        'UNREADABLE_FILE',
        {
          en: `The CSV cannot be read after row ${row}: ${error.message}`,
          vi: `Không đọc được tệp CSV sau dòng ${row}: ${error.message}`,
        },
        { row: row + 1 },
      ),
    );
  }
}

/** A CSV record held to the limits of a workbook's row: columns, and a cell's length. */
function limitCells(record: string[], row: number): string[] {
  let columns = record.length;
  while (columns > 0 && record[columns - 1] === '') columns--;
  if (columns > MAX_COLUMNS) throw tooManyColumns(row, columns);
  for (let i = 0; i < columns; i++) {
    const length = (record[i] as string).length;
    if (length > MAX_CELL_LENGTH) throw tooLong(`${columnName(i + 1)}${row}`, row, length);
  }
  return record;
}

function* chunks(text: string | Buffer, size = 1 << 16): Generator<string | Buffer> {
  for (let i = 0; i < text.length; i += size)
    yield typeof text === 'string' ? text.slice(i, i + size) : text.subarray(i, i + size);
}

function openXlsx(bytes: Buffer): Sheet {
  let date1904 = false;
  return {
    format: 'xlsx',
    encoding: null,
    date1904: () => date1904,
    rows: (async function* () {
      // Sizes first (zip.ts): exceljs sees the parts only once they cannot cost too much.
      const parts = await inspectXlsx(bytes);
      try {
        // exceljs is loaded with the first workbook read, not with the server (20 MB, 0,5 s).
        const { readFirstSheet } = await import('./workbook-reader.ts');
        const sheet = await readFirstSheet(parts);
        date1904 = sheet.date1904;
        checkSharedStrings(sheet.sharedStrings);
        let rows = 0;
        for await (const row of sheet.rows) yield { row: row.number, cells: cellsOf(row, ++rows) };
      } catch (error) {
        if (error instanceof FileRefusedError) throw error;
        throw new FileRefusedError(
          problem('UNREADABLE_FILE', {
            en: `The file cannot be read as an Excel workbook (.xlsx): ${(error as Error).message}`,
            vi: `Không đọc được tệp dạng bảng tính Excel (.xlsx): ${(error as Error).message}`,
          }),
        );
      }
    })(),
  };
}

function overLimit(row: number | null, en: string, vi: string): FileRefusedError {
  return new FileRefusedError(problem('OVER_LIMIT', { en, vi }, { row }));
}

function tooManyColumns(row: number, columns: number): FileRefusedError {
  return overLimit(
    row,
    `the row has ${count(columns)} columns (up to column ${columnName(columns)}); at most ${count(MAX_COLUMNS)} are read`,
    `dòng có ${count(columns)} cột (đến cột ${columnName(columns)}); chỉ đọc tối đa ${count(MAX_COLUMNS)} cột`,
  );
}

function tooLong(at: string, row: number, length: number): FileRefusedError {
  return overLimit(
    row,
    `cell ${at} holds ${count(length)} characters; a cell holds at most ${count(MAX_CELL_LENGTH)} (Excel's own limit)`,
    `ô ${at} chứa ${count(length)} ký tự; mỗi ô chứa tối đa ${count(MAX_CELL_LENGTH)} ký tự (giới hạn của chính Excel)`,
  );
}

/** A row's cells, refused past the limits on rows, columns and a cell's length; `rows` counts the rows so far. */
function cellsOf(row: ExcelJS.Row, rows: number): Cell[] {
  // A row's number is its `r` attribute, which need not follow the count: both are held to the limit.
  if (rows > MAX_XLSX_ROWS || row.number > MAX_XLSX_ROWS)
    throw overLimit(
      row.number,
      `the sheet has more than ${count(MAX_XLSX_ROWS)} rows, Excel's own limit; split it into smaller files`,
      `trang tính có hơn ${count(MAX_XLSX_ROWS)} dòng, giới hạn của chính Excel; hãy chia thành các tệp nhỏ hơn`,
    );
  const values = row.values as ExcelJS.CellValue[];
  const columns = values.length - 1;
  if (columns > MAX_COLUMNS) throw tooManyColumns(row.number, columns);
  const cells = new Array<Cell>(columns);
  for (let i = 0; i < columns; i++) {
    const cell = cellOf(values[i + 1]);
    if (typeof cell === 'string' && cell.length > MAX_CELL_LENGTH)
      throw tooLong(`${columnName(i + 1)}${row.number}`, row.number, cell.length);
    cells[i] = cell;
  }
  return cells;
}

/** Refuses a shared string longer than a cell may be; `strings` as exceljs cached them. */
function checkSharedStrings(strings: ExcelJS.CellValue[] | undefined): void {
  if (!strings) return;
  for (let i = 0; i < strings.length; i++) {
    const value = strings[i];
    if (value === null || value === undefined) continue;
    const length =
      typeof value === 'string'
        ? value.length
        : typeof value === 'object' && 'richText' in value
          ? value.richText.reduce((sum, run) => sum + (run.text?.length ?? 0), 0)
          : 0;
    if (length > MAX_SHARED_STRING_LENGTH)
      throw overLimit(
        null,
        `shared string ${count(i + 1)} of the workbook holds ${count(length)} characters; at most ${count(MAX_SHARED_STRING_LENGTH)} are read (Excel's own limit for a cell)`,
        `chuỗi dùng chung thứ ${count(i + 1)} của bảng tính chứa ${count(length)} ký tự; chỉ đọc tối đa ${count(MAX_SHARED_STRING_LENGTH)} ký tự (giới hạn một ô của chính Excel)`,
      );
  }
}

/** A column's letters as a spreadsheet shows them: 1 → A, 27 → AA. */
function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One cell's value; formulas give their cached result, rich text its plain text. */
function cellOf(value: ExcelJS.CellValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return null;
}
