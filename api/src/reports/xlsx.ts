import ExcelJS from 'exceljs';
import type { ReportDocument } from './document.ts';
import { type ColumnKind, cellKind, type ReportTable } from './tables.ts';

/*
 * The report's tables as a workbook for those who work the figures further: one sheet per table,
 * numbers stored as numbers with Excel formats (#,##0 and 0.0%, which Excel shows with the reader's
 * own separators), the header row frozen. The first sheet carries the title and the narrative too.
 */

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  TEXT: undefined,
  INTEGER: '#,##0',
  CHANGE: '+#,##0;-#,##0;0',
  RATE: '0.0%',
  POINTS: '+0.0%;-0.0%;0.0%',
};

const FONT = { name: 'Times New Roman', size: 12 };

function addTableSheet(
  workbook: ExcelJS.Workbook,
  table: ReportTable,
  subtitle: string,
  before: { text: string; bold?: boolean }[] = [],
) {
  const sheet = workbook.addWorksheet(table.sheetName);
  const width = table.columns.length;
  const titleRow = sheet.addRow([table.title.replace(/^\d+\. /, '')]);
  titleRow.font = { ...FONT, bold: true, size: 14 };
  sheet.addRow([subtitle]).font = { ...FONT, italic: true };
  for (const { text: line, bold } of before) {
    const row = sheet.addRow([line]);
    row.font = { ...FONT, bold: bold === true };
    row.alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(row.number, 1, row.number, width);
    row.height = Math.max(30, Math.ceil(line.length / 110) * 16);
  }
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { ...FONT, bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
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
  table.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.kind === 'TEXT' ? (i === 0 && table.columns.length > 8 ? 34 : 26) : 13;
  });
  if (table.note) sheet.addRow([table.note]).font = { ...FONT, italic: true };
  // Frozen below the header (and right of the names) so both stay in view while scrolling.
  sheet.views = [{ state: 'frozen', ySplit: first, xSplit: 1 }];
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
