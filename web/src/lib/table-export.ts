/*
 * Every table downloads as CSV and as XLSX, both built in the browser from the rows the table shows
 * (or, for a table paged by the server, every row of its filter and order), so the file holds the
 * figures on screen and no export endpoint has to repeat each query and its reach. Both writers are
 * imported when a button is pressed: csv-stringify (the csv-parse project the API reads imports with)
 * and exceljs (which the API writes reports with) stay out of the first page's JavaScript.
 */

/** A column of a downloaded file: its heading and each row's value. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
  /** A share from 0 to 1: a percentage with one decimal in CSV, a percent-formatted number in XLSX. */
  percent?: boolean;
  /** A code (leading zeros matter): kept as text in XLSX. */
  text?: boolean;
}

export type ExportFormat = 'CSV' | 'XLSX';

/** At most this many rows go in one file: more than the province's units at its largest. */
export const MAX_EXPORT_ROWS = 10_000;

/** A share as the CSV writes it: the percentage on screen with a decimal point (62,4 % → 62.4). */
function percentValue(ratio: number): number {
  return Math.round(ratio * 1000) / 10;
}

/** The file name: what, of which area or unit, on which day, e.g. don-vi_568_2021-09-30.csv. */
export function exportFileName(what: string, of: string, day: string, format: ExportFormat): string {
  const safe = (part: string) => part.replace(/[^\p{L}\p{N}.-]+/gu, '-');
  return `${safe(what)}_${safe(of)}_${day}.${format === 'CSV' ? 'csv' : 'xlsx'}`;
}

/** Whose figures a scope's file holds, for its name: the area's, office's, officer's or unit's code. */
export function scopeCode(scope: {
  areaId?: string | number | null;
  officeId?: string | number | null;
  staffId?: string | number | null;
  unitId?: string | number | null;
}): string {
  return String(scope.unitId ?? scope.staffId ?? scope.officeId ?? scope.areaId ?? 'tinh');
}

/** UTF-8 with a byte-order mark, so that Excel opens Vietnamese as Vietnamese; CRLF as Excel writes. */
export async function toCsv<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[]): Promise<Blob> {
  const { stringify } = await import('csv-stringify/browser/esm/sync');
  const records = rows.map((row) =>
    columns.map((column) => {
      const value = column.value(row);
      if (value === null || value === undefined) return '';
      return column.percent && typeof value === 'number' ? percentValue(value) : value;
    }),
  );
  const text = stringify([columns.map((c) => c.header), ...records], {
    bom: true,
    record_delimiter: 'windows',
  });
  return new Blob([text], { type: 'text/csv;charset=utf-8' });
}

/** One sheet, its heading row bold and frozen, counts grouped and shares as percentages. */
export async function toXlsx<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
  sheetName: string,
): Promise<Blob> {
  const module = await import('exceljs');
  // exceljs's browser build is a UMD bundle: its namespace arrives as the default export.
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const workbook = new ExcelJS.Workbook();
  // Excel refuses a sheet name over 31 characters or with any of []:*?/\
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: Math.max(10, Math.min(50, column.header.length + 2)),
    style: { numFmt: column.percent ? '0.0%' : column.text ? '@' : '#,##0' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => column.value(row) ?? null));
  for (const [i, column] of columns.entries()) {
    if (column.percent || column.text) continue;
    const longest = rows.reduce((n, row) => Math.max(n, String(column.value(row) ?? '').length), 0);
    sheet.getColumn(i + 1).width = Math.max(10, Math.min(60, Math.max(longest, column.header.length) + 2));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/** Hands a file to the browser as a download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; the object URL is no longer needed then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
