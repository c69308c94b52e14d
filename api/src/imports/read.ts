import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { decodeText, FileRefusedError } from './encoding.ts';
import { problem } from './problems.ts';
import { inspectXlsx } from './zip.ts';

/*
 * A file as rows of cells, streamed: CSV through csv-parse, XLSX (first sheet) through exceljs's
 * streaming reader, so a million rows never sit in memory as objects at once. A workbook is measured
 * first (zip.ts) against the limits of limits.ts.
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
  // Empty lines are kept (and skipped later) so that row numbers match what a spreadsheet shows.
  const parser = Readable.from(chunks(text)).pipe(
    parse({ relax_column_count: true, skip_empty_lines: false }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, cells: record };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
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

function* chunks(text: string | Buffer, size = 1 << 16): Generator<string | Buffer> {
  for (let i = 0; i < text.length; i += size)
    yield typeof text === 'string' ? text.slice(i, i + size) : text.subarray(i, i + size);
}

function openXlsx(bytes: Buffer): Sheet {
  // Not in exceljs's types: what the streaming reader parsed from xl/workbook.xml.
  let book:
    | {
        properties?: { model?: { date1904?: boolean } };
        model?: { sheets?: { id: number }[] };
      }
    | undefined;
  return {
    format: 'xlsx',
    encoding: null,
    date1904: () => book?.properties?.model?.date1904 === true,
    rows: (async function* () {
      // Sizes first (limits.ts): exceljs sees the bytes only once they cannot cost too much.
      await inspectXlsx(bytes);
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
        sharedStrings: 'cache',
        styles: 'ignore',
        hyperlinks: 'ignore',
        worksheets: 'emit',
        entries: 'ignore',
      });
      book = reader as unknown as typeof book;
      try {
        for await (const worksheet of reader) {
          const first = book?.model?.sheets?.[0]?.id;
          const id = (worksheet as unknown as { id: number | string }).id;
          if (first !== undefined && Number(id) !== Number(first)) continue;
          for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
            const values = row.values as ExcelJS.CellValue[];
            yield { row: row.number, cells: values.slice(1).map(cellOf) };
          }
          return;
        }
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
