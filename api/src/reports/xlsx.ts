import ExcelJS from 'exceljs';
import type { ReportDocument } from './document.ts';
import { type ColumnKind, cellKind, type ReportTable } from './tables.ts';

/*
 * The report's tables as a workbook for those who work the figures further: one sheet per table,
 * numbers stored as numbers with Excel formats (#,##0 and 0.0%, which Excel shows with the reader's
 * own separators), the header row and the names frozen. The first sheet carries the title and the
 * narrative too, and is not frozen (its narrative would hold the screen). Every sheet prints on A4
 * landscape, one page wide, its header row on every page.
 */

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  TEXT: undefined,
  INTEGER: '#,##0',
  CHANGE: '+#,##0;-#,##0;0',
  RATE: '0.0%',
  POINTS: '+0.0%;-0.0%;0.0%',
};

const FONT = { name: 'Times New Roman', size: 12 };

/** Characters of 12 pt Times New Roman in one unit of Excel's column width, roughly. */
const CHARS_PER_WIDTH = 1.15;
const LINE_HEIGHT = 16;

/** The width of each column: names get the room, numbers what they need. */
function columnWidths(table: ReportTable): number[] {
  const names = table.columns.filter((c) => c.kind === 'TEXT').length;
  return table.columns.map((c, i) => {
    if (c.kind !== 'TEXT') return 13;
    // A unit table's code is short; its name, and a parts table's first column, take the room.
    if (c.key === 'code') return 14;
    return i === 0 || names === 1 || c.key === 'name' ? 36 : 18;
  });
}

/** The lines a text takes in a column of this width, by its words. */
function linesIn(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (used > 0 && used + 1 + word.length > perLine) {
      lines += 1;
      used = word.length;
    } else used += (used > 0 ? 1 : 0) + word.length;
  }
  return lines;
}

function addTableSheet(
  workbook: ExcelJS.Workbook,
  table: ReportTable,
  subtitle: string,
  before: { text: string; bold?: boolean }[] = [],
) {
  const sheet = workbook.addWorksheet(table.sheetName);
  const width = table.columns.length;
  const widths = columnWidths(table);
  const total = widths.reduce((a, b) => a + b, 0);
  const titleRow = sheet.addRow([table.title.replace(/^\d+\. /, '')]);
  titleRow.font = { ...FONT, bold: true, size: 14 };
  sheet.addRow([subtitle]).font = { ...FONT, italic: true };
  for (const { text: line, bold } of before) {
    const row = sheet.addRow([line]);
    row.font = { ...FONT, bold: bold === true };
    row.alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(row.number, 1, row.number, width);
    row.height = linesIn(line, total) * LINE_HEIGHT + 4;
  }
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { ...FONT, bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  // Tall enough for its longest header wrapped in its column: Excel does not grow a row by itself.
  header.height =
    Math.max(...table.columns.map((c, i) => linesIn(c.header, widths[i] as number))) * LINE_HEIGHT + 6;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  for (const row of table.rows) {
    const added = sheet.addRow(row.cells.map((v) => (v === null ? null : v)));
    added.font = { ...FONT, bold: row.total === true };
    row.cells.forEach((_, i) => {
      const format = NUMBER_FORMATS[cellKind(table, row, i)];
      if (format) added.getCell(i + 1).numFmt = format;
    });
  }
  const first = header.number;
  for (let r = first; r <= sheet.rowCount; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > width) return;
      cell.border = {
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  }
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (let r = first + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    row.alignment = { wrapText: true, vertical: 'top' };
    const lines = Math.max(
      ...table.columns.map((c, i) =>
        c.kind === 'TEXT' ? linesIn(String(row.getCell(i + 1).value ?? ''), widths[i] as number) : 1,
      ),
    );
    if (lines > 1) row.height = lines * LINE_HEIGHT + 2;
  }
  if (table.note) {
    const note = sheet.addRow([table.note]);
    note.font = { ...FONT, italic: true };
    note.alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(note.number, 1, note.number, width);
    note.height = linesIn(table.note, total) * LINE_HEIGHT + 4;
  }
  // Frozen below the header and right of the names (a unit's code and name), so both stay in view;
  // the first sheet's narrative above its table would fill the screen if frozen.
  const names = table.columns[0]?.key === 'code' ? 2 : 1;
  if (before.length === 0) sheet.views = [{ state: 'frozen', ySplit: first, xSplit: names }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${first}:${first}`,
  };
  // Page numbers at the foot, as the printed annex has them.
  sheet.headerFooter = { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' };
  return sheet;
}

/** The report as an .xlsx file. */
export async function renderXlsx(report: ReportDocument, days: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.issuer.inSentence;
  workbook.title = report.titleLines.join(' ');
  addTableSheet(
    workbook,
    { ...report.summary, title: report.titleLines.slice(1).join(' ') },
    `${report.numberLine} · ${days}`,
    [
      ...report.narrative.map((text) => ({ text })),
      ...report.notes.flatMap((section) => [
        ...(section.heading ? [{ text: section.heading, bold: true }] : []),
        ...section.paragraphs.map((text) => ({ text })),
      ]),
    ],
  );
  for (const table of report.tables) addTableSheet(workbook, table, days);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
