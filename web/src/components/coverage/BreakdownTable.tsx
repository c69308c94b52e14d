import type { ReactNode } from 'react';
import { type FragmentType, graphql, useFragment } from '../../gql';
import type { BreakdownRowFieldsFragment } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { formatFraction, formatInteger, formatPercent, ratio } from '../../lib/format.ts';
import { competitionRanks } from '../../lib/rank.ts';
import { RateCell } from '../common/RateBar.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';

/** One row of a breakdown as the table shows it; a query spreads it into its `breakdown`. */
const breakdownRowFields = graphql(`
  fragment BreakdownRowFields on CoverageRow {
    key
    label
    coverage {
      target
      registered
      activated
      activationRate
      units
      unitsContacted
    }
  }
`);

export type BreakdownRowRef = FragmentType<typeof breakdownRowFields>;
type BreakdownRow = BreakdownRowFieldsFragment;

/**
 * The rows of a breakdown (they partition the scope), best activation rate first with competition
 * ranks, the row that gathers what belongs to no part (`restKey`) last and unranked, and their sums
 * as the footer. `nameOf` draws a row's first cell (a link, or its label).
 */
export function BreakdownTable({
  rows: refs,
  label,
  partName,
  restKey,
  nameOf,
}: {
  rows: readonly BreakdownRowRef[];
  /** The table's accessible name. */
  label: string;
  /** The heading of the first column. */
  partName: string;
  restKey?: string;
  nameOf: (row: BreakdownRow) => ReactNode;
}) {
  const rows = useFragment(breakdownRowFields, refs);
  const parts = rows
    .filter((r) => r.key !== restKey)
    .sort(
      (a, b) => b.coverage.activationRate - a.coverage.activationRate || a.label.localeCompare(b.label, 'vi'),
    );
  const rest = rows.find((r) => r.key === restKey);
  const ranks = competitionRanks(
    parts,
    (r) => r.key,
    (r) => r.coverage.activationRate,
  );
  const sum = (pick: (c: BreakdownRow['coverage']) => number) =>
    rows.reduce((n, r) => n + pick(r.coverage), 0);
  const total = {
    units: sum((c) => c.units),
    unitsContacted: sum((c) => c.unitsContacted),
    target: sum((c) => c.target),
    registered: sum((c) => c.registered),
    activated: sum((c) => c.activated),
  };
  return (
    <ScrollRegion label={label}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{partName}</th>
            <th scope="col" className="num">
              {t.officers.units}
            </th>
            <th scope="col" className="num">
              {t.table.unitsContacted}
            </th>
            <th scope="col" className="num">
              {t.table.target}
            </th>
            <th scope="col" className="num">
              {t.table.registered}
            </th>
            <th scope="col" className="num">
              {t.table.activated}
            </th>
            <th scope="col" className="num">
              {t.table.activationRate}
            </th>
            <th scope="col" className="num">
              {t.table.rank}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...parts, ...(rest ? [rest] : [])].map((row) => (
            <tr key={row.key}>
              <th scope="row">{nameOf(row)}</th>
              <td className="num">{formatInteger(row.coverage.units)}</td>
              <td className="num">{formatFraction(row.coverage.unitsContacted, row.coverage.units)}</td>
              <td className="num">{formatInteger(row.coverage.target)}</td>
              <td className="num">{formatInteger(row.coverage.registered)}</td>
              <td className="num">{formatInteger(row.coverage.activated)}</td>
              <RateCell ratio={row.coverage.activationRate} />
              <td className="num">{ranks.get(row.key) ?? ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.officers.total}</th>
            <td className="num">{formatInteger(total.units)}</td>
            <td className="num">{formatFraction(total.unitsContacted, total.units)}</td>
            <td className="num">{formatInteger(total.target)}</td>
            <td className="num">{formatInteger(total.registered)}</td>
            <td className="num">{formatInteger(total.activated)}</td>
            <td className="num">{formatPercent(ratio(total.activated, total.target))}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
