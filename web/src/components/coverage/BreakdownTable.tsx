import type { ReactNode } from 'react';
import { type FragmentType, graphql, useFragment } from '../../gql';
import type { BreakdownRowFieldsFragment } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { formatFraction, formatInteger, formatPercent, ratio } from '../../lib/format.ts';
import { competitionRanks } from '../../lib/rank.ts';
import type { ExportColumn } from '../../lib/table-export.ts';
import { type Sort, type SortValue, sortRows, useSortParam } from '../../lib/table-params.ts';
import { DownloadButtons } from '../common/DownloadButtons.tsx';
import { RateCell } from '../common/RateBar.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import { SortHeader } from '../common/SortHeader.tsx';

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

const SORT_KEYS = [
  'name',
  'units',
  'contacted',
  'target',
  'registered',
  'activated',
  'rate',
  'rank',
] as const;
type SortKey = (typeof SORT_KEYS)[number];
/** Best first, as the ranks go. */
const BEST_FIRST: Sort<SortKey> = { key: 'rate', descending: true };

/** A row of the table or of its file: a part, the rest, or the totals. */
interface Line {
  key: string;
  label: string;
  coverage: Omit<BreakdownRow['coverage'], 'activationRate'> & { activationRate: number };
  rank: number | null;
}

/**
 * The rows of a breakdown (they partition the scope), best activation rate first with competition
 * ranks, ordered by any column (every row is on screen, so here), the row that gathers what belongs
 * to no part (`restKey`) last and unranked whatever the order, and their sums as the footer. `nameOf`
 * draws a row's first cell (a link, or its label). The order is in the URL under `prefix`.
 */
export function BreakdownTable({
  rows: refs,
  label,
  partName,
  restKey,
  nameOf,
  prefix,
  file,
  asOf,
}: {
  rows: readonly BreakdownRowRef[];
  /** The table's accessible name. */
  label: string;
  /** The heading of the first column. */
  partName: string;
  restKey?: string;
  nameOf: (row: BreakdownRow) => ReactNode;
  /** The table's params in the URL ("o." for the officers). */
  prefix: string;
  /** What the downloaded file is named after: what the rows are, and whose. */
  file: { what: string; of: string };
  asOf: string | null;
}) {
  const rows = useFragment(breakdownRowFields, refs);
  const [sort, sortBy] = useSortParam(prefix, SORT_KEYS, BEST_FIRST);
  const byName = rows.filter((r) => r.key !== restKey).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const ranks = competitionRanks(
    byName,
    (r) => r.key,
    (r) => r.coverage.activationRate,
  );
  const sortValue = (row: BreakdownRow, key: SortKey): SortValue => {
    const c = row.coverage;
    const values: Record<SortKey, SortValue> = {
      name: row.label,
      units: c.units,
      contacted: c.unitsContacted,
      target: c.target,
      registered: c.registered,
      activated: c.activated,
      rate: c.activationRate,
      rank: ranks.get(row.key),
    };
    return values[key];
  };
  const parts = sortRows(byName, sort, sortValue);
  const rest = rows.find((r) => r.key === restKey);
  const sum = (pick: (c: BreakdownRow['coverage']) => number) =>
    rows.reduce((n, r) => n + pick(r.coverage), 0);
  const total = {
    units: sum((c) => c.units),
    unitsContacted: sum((c) => c.unitsContacted),
    target: sum((c) => c.target),
    registered: sum((c) => c.registered),
    activated: sum((c) => c.activated),
  };
  const shown = [...parts, ...(rest ? [rest] : [])];
  const lines: Line[] = [
    ...shown.map((r) => ({ ...r, rank: ranks.get(r.key) ?? null })),
    {
      key: 'total',
      label: t.officers.total,
      coverage: { ...total, activationRate: ratio(total.activated, total.target) },
      rank: null,
    },
  ];
  const heading = (key: SortKey, text: string) => (
    <SortHeader label={text} sortKey={key} sort={sort} onSort={sortBy} numeric={key !== 'name'} />
  );
  return (
    <>
      <DownloadButtons
        spec={{
          ...file,
          asOf,
          sheet: label,
          columns: breakdownColumns(partName, restKey),
          rows: () => lines,
        }}
      />
      <ScrollRegion label={label}>
        <table className="data-table">
          <thead>
            <tr>
              {heading('name', partName)}
              {heading('units', t.officers.units)}
              {heading('contacted', t.table.unitsContacted)}
              {heading('target', t.table.target)}
              {heading('registered', t.table.registered)}
              {heading('activated', t.table.activated)}
              {heading('rate', t.table.activationRate)}
              {heading('rank', t.table.rank)}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
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
    </>
  );
}

/** The file's columns: the table's, the contacted units apart from the units, the totals last. */
function breakdownColumns(partName: string, restKey?: string): ExportColumn<Line>[] {
  return [
    {
      header: partName,
      value: (l) => (l.key === restKey ? t.officers.nobody : l.label),
      text: true,
    },
    { header: t.officers.units, value: (l) => l.coverage.units },
    { header: t.table.unitsContacted, value: (l) => l.coverage.unitsContacted },
    { header: t.table.target, value: (l) => l.coverage.target },
    { header: t.table.registered, value: (l) => l.coverage.registered },
    { header: t.table.activated, value: (l) => l.coverage.activated },
    { header: t.table.activationRate, value: (l) => l.coverage.activationRate, percent: true },
    { header: t.table.rank, value: (l) => l.rank },
  ];
}
