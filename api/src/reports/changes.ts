import type { ReportFigures } from './figures.ts';
import { formatInteger } from './format.ts';
import { subjectName } from './narrative.ts';
import { cellKind, type ReportTable, reportTables } from './tables.ts';

/** A count that differs between a published report and the data today. */
export interface ReportChange {
  /** The table's title in the report. */
  table: string;
  /** The row: a district, office, sector, officer or reason; the area itself for the totals. */
  row: string;
  /** The column: "đã kích hoạt", "đơn vị đã liên hệ"… */
  measure: string;
  published: number;
  current: number;
  /** "Thành phố Nha Trang – đã kích hoạt: đã báo cáo 12.345, hiện nay 12.360". */
  text: string;
}

/**
 * The counts of the report's tables that the data now gives differently for the same area and days:
 * corrections after publishing, shown against what was sent instead of changing it. Shares and
 * changes follow from the counts and are not listed again; the totals, which every table repeats, are
 * listed once; the lists of units name units rather than count them, and are left out.
 */
export function reportChanges(published: ReportFigures, current: ReportFigures): ReportChange[] {
  const before = reportTables(published);
  const now = new Map(reportTables(current).map((t) => [t.key, t]));
  const changes: ReportChange[] = [];
  let totalsDone = false;
  for (const table of before) {
    const counted = table.columns.some((c) => c.compared);
    const other = now.get(table.key);
    if (!counted || !other) continue;
    const rowsBefore = new Map(table.rows.map((r) => [r.key, r]));
    const rowsNow = new Map(other.rows.map((r) => [r.key, r]));
    const keys = [...new Set([...rowsBefore.keys(), ...rowsNow.keys()])];
    for (const key of keys) {
      if (key === 'total' && totalsDone && table.key !== 'blockers') continue;
      const a = rowsBefore.get(key);
      const b = rowsNow.get(key);
      const label = rowLabel(table, key, (a ?? b)?.cells[0], published);
      table.columns.forEach((column, i) => {
        if (!column.compared) return;
        const row = (a ?? b) as NonNullable<typeof a>;
        if (cellKind(table, row, i) !== 'INTEGER') return;
        const was = Number(a?.cells[i] ?? 0);
        const is = Number(b?.cells[i] ?? 0);
        if (was === is) return;
        const measure = column.header.charAt(0).toLowerCase() + column.header.slice(1);
        changes.push({
          table: table.title,
          row: label,
          measure,
          published: was,
          current: is,
          text: `${label} – ${measure}: đã báo cáo ${formatInteger(was)}, hiện nay ${formatInteger(is)}`,
        });
      });
    }
    if (table.key !== 'blockers') totalsDone = true;
  }
  return changes;
}

function rowLabel(table: ReportTable, key: string, first: unknown, figures: ReportFigures): string {
  if (key !== 'total') return String(first);
  return table.key === 'blockers' ? 'Người chưa kích hoạt' : subjectName(figures);
}
