import { type FragmentType, graphql, useFragment } from '../../gql';
import type { ReportTableFieldsFragment } from '../../gql/graphql.ts';
import { ScrollRegion } from '../common/ScrollRegion.tsx';

// A report table as the API gives it: every cell already written the Vietnamese way.
const reportTableFields = graphql(`
  fragment ReportTableFields on ReportTable {
    key
    title
    note
    columns {
      key
      header
      kind
    }
    rows {
      key
      total
      cells {
        text
      }
    }
  }
`);

/** One of the report's tables, as the document prints it: names left, figures right, totals in the foot. */
export function ReportTableView(props: { table: FragmentType<typeof reportTableFields> }) {
  const table = useFragment(reportTableFields, props.table);
  const body = table.rows.filter((r) => !r.total);
  const totals = table.rows.filter((r) => r.total);
  const numeric = (i: number) => table.columns[i]?.kind !== 'TEXT';
  const cells = (row: ReportTableFieldsFragment['rows'][number]) =>
    row.cells.map((cell, i) =>
      i === 0 ? (
        <th scope="row" key={table.columns[i]?.key}>
          {cell.text}
        </th>
      ) : (
        <td key={table.columns[i]?.key} className={numeric(i) ? 'num' : undefined}>
          {cell.text}
        </td>
      ),
    );
  return (
    <div className="report-table">
      <h3 className="report-table__title">{table.title}</h3>
      {table.note && <p className="panel__note">{table.note}</p>}
      <ScrollRegion label={table.title}>
        <table className="data-table">
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th scope="col" key={c.key} className={numeric(i) ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((row) => (
              <tr key={row.key}>{cells(row)}</tr>
            ))}
          </tbody>
          {totals.length > 0 && (
            <tfoot>
              {totals.map((row) => (
                <tr key={row.key}>{cells(row)}</tr>
              ))}
            </tfoot>
          )}
        </table>
      </ScrollRegion>
    </div>
  );
}
