/*
 * What an import file may cost before it is refused, in one place (the README lists them; the tests
 * name them). A workbook is a zip: 2 MB of it can expand to gigabytes, and exceljs holds the shared
 * strings in memory, so an XLSX is measured before exceljs reads it (zip.ts), then row by row as it
 * streams (read.ts). The limits sit above the largest honest file at province scale (250.000 persons,
 * a million steps) and far below what hurts the server.
 */

const MB = 1024 * 1024;

/**
 * All the parts of a workbook, inflated. A million steps written by Excel or exceljs is about 200 MB;
 * 250.000 persons about 100 MB. Inflating is counted, not trusted to the zip's headers.
 */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 256 * MB;

/**
 * xl/sharedStrings.xml inflated: exceljs keeps every shared string in memory while the sheet is read.
 * A million distinct codes take about 27 MB.
 */
export const MAX_SHARED_STRINGS_BYTES = 64 * MB;

/** Rows of a sheet, the header included: Excel's own limit (1.048.576), so its sheets always fit. */
export const MAX_XLSX_ROWS = 1_048_576;

/**
 * Columns of a row (a workbook's or a CSV file's), counted to its last non-empty cell. The widest kind
 * has 8; an export may add some.
 */
export const MAX_COLUMNS = 100;

/** Characters in a cell: Excel's own limit. */
export const MAX_CELL_LENGTH = 32_767;

/**
 * Characters csv-parse gathers into one record before it gives up: the widest row allowed. Past it is
 * usually a quote left open, which would swallow the rest of the file into one cell.
 */
export const MAX_CSV_RECORD_CHARACTERS = MAX_COLUMNS * MAX_CELL_LENGTH;

/** Characters in a shared string: the same, since a shared string is a cell's text. */
export const MAX_SHARED_STRING_LENGTH = MAX_CELL_LENGTH;

/**
 * Bytes of the workbook's XML without a `<` (one text or one tag): a cell of MAX_CELL_LENGTH
 * characters, each written as an escape (`&quot;`, `_x000D_`), is within it. A longer run is refused
 * before exceljs gathers it into one string.
 */
export const MAX_XML_RUN_BYTES = 8 * MAX_CELL_LENGTH;

const integers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** A count as the project writes numbers: 1.048.576. */
export function count(n: number): string {
  return integers.format(n);
}

/** A size for a message: "580 MB", "256 KB", "900 bytes". */
export function size(bytes: number): { en: string; vi: string } {
  if (bytes >= MB)
    return { en: `${count(Math.round(bytes / MB))} MB`, vi: `${count(Math.round(bytes / MB))} MB` };
  if (bytes >= 1024)
    return { en: `${count(Math.round(bytes / 1024))} KB`, vi: `${count(Math.round(bytes / 1024))} KB` };
  return { en: `${count(bytes)} bytes`, vi: `${count(bytes)} byte` };
}
