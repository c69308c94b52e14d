import type { ReactNode } from 'react';
import type { ExportColumn } from '../../lib/table-export.ts';
import { type Sort, type SortValue, sortRows, useSortParam } from '../../lib/table-params.ts';
import { DownloadButtons, type DownloadSpec } from './DownloadButtons.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { SortHeader } from './SortHeader.tsx';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /**
   * The cell's value as plain data: what the column is ordered by (when the table has a `prefix`)
   * and what its downloaded file holds. A column without one is neither ordered by nor downloaded.
   */
  value?: (row: Row) => SortValue;
  /** What the column is ordered by when its value would order wrongly (a day written dd/mm/yyyy). */
  sortValue?: (row: Row) => SortValue;
  /** Figures: right-aligned, in the header too. */
  numeric?: boolean;
  /** The cell that names the row, as a row header for screen readers. */
  rowHeader?: boolean;
  className?: string;
}

/** What a plain table's file is named after; its columns and rows are the table's. */
export type TableDownload = Pick<DownloadSpec<unknown>, 'what' | 'of' | 'asOf' | 'sheet'>;

/** The rows in the order they came (the list's own: newest first, by name…). */
const AS_GIVEN: Sort = { key: 'given', descending: false };

/**
 * A plain table of rows (a log, a history, a list), scrollable on a narrow screen. With `prefix`, its
 * columns that have a `value` order it (in the browser: these are the rows on screen), the order kept
 * in the URL under that prefix; with `download`, it downloads as CSV and XLSX.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  prefix,
  download,
}: {
  label: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  prefix?: string;
  download?: TableDownload;
}) {
  const keys = ['given', ...columns.map((_, i) => String(i))];
  // Without a prefix the hook still runs (hooks may not be conditional) but nothing sets its param.
  const [sort, sortBy] = useSortParam(prefix ?? 'unsorted.', keys, AS_GIVEN);
  const ordered =
    prefix && sort.key !== 'given'
      ? sortRows(rows, sort, (row, key) => {
          const column = columns[Number(key)];
          return (column?.sortValue ?? column?.value)?.(row);
        })
      : rows;
  const exported: ExportColumn<Row>[] = columns
    .filter((c) => c.value)
    .map((c) => ({
      header: c.header,
      value: (row) => c.value?.(row) ?? null,
      text: !c.numeric,
    }));
  return (
    <>
      {download && <DownloadButtons spec={{ ...download, columns: exported, rows: () => ordered }} />}
      <ScrollRegion label={label}>
        <table className="data-table">
          <thead>
            <tr>
              {columns.map((column, i) =>
                prefix && (column.sortValue ?? column.value) ? (
                  <SortHeader
                    key={column.header}
                    label={column.header}
                    sortKey={String(i)}
                    sort={sort}
                    onSort={sortBy}
                    numeric={column.numeric}
                  />
                ) : (
                  <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                    {column.header}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {ordered.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const className =
                    [column.numeric && 'num', column.className].filter(Boolean).join(' ') || undefined;
                  return column.rowHeader ? (
                    <th key={column.header} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.header} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
