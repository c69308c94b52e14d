import { numberedNotes } from './document.ts';
import type { ReportFigures } from './figures.ts';
import { REPORT_TITLE, reportNarrative } from './narrative.ts';
import { cellKind, formatCell, type ReportTable, reportTables, summaryTable } from './tables.ts';

/** A table as the GraphQL `ReportTable` type has it: every cell with its text and its number. */
export function tableView(table: ReportTable) {
  return {
    key: table.key,
    title: table.title,
    note: table.note ?? null,
    columns: table.columns.map(({ key, header, kind }) => ({ key, header, kind })),
    rows: table.rows.map((row) => ({
      key: row.key,
      total: row.total === true,
      cells: row.cells.map((value, i) => ({
        text: formatCell(value, cellKind(table, row, i)),
        value: typeof value === 'number' ? value : null,
      })),
    })),
  };
}

/** The report as the GraphQL `Report` type has it, made from its figures alone. */
export function reportView(figures: ReportFigures, number: string | null) {
  return {
    title: REPORT_TITLE,
    number,
    areaCode: figures.area.code,
    areaName: figures.area.name,
    officeName: figures.office?.name ?? null,
    geography: figures.area.geography?.code ?? null,
    asOf: figures.asOf,
    compare: figures.compare,
    narrative: reportNarrative(figures),
    notes: numberedNotes(figures),
    summary: tableView(summaryTable(figures)),
    tables: reportTables(figures).map(tableView),
  };
}
