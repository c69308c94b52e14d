import { useEffect } from 'react';
import { graphql } from '../../gql';
import type { Scope } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { scopeCode } from '../../lib/table-export.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import type { BlockerBar } from '../charts/BlockersChart.tsx';
import { lazyChart } from '../charts/lazyChart.tsx';
import { AsTable } from '../common/AsTable.tsx';
import { DownloadButtons } from '../common/DownloadButtons.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';

const { Chart: BlockersChart, prefetch: prefetchChart } = lazyChart(() =>
  import('../charts/BlockersChart.tsx').then((module) => module.BlockersChart),
);

const blockersDocument = graphql(`
  query Blockers($scope: Scope!, $asOf: Date) {
    blockers(scope: $scope, asOf: $asOf) {
      reason
      persons
      share
    }
  }
`);

/** Why the scope's persons who have not activated are stuck: a bar per reason, also as a table. */
export function BlockersPanel({ scope, asOf }: { scope: Scope; asOf: string | null }) {
  useEffect(prefetchChart, []);
  const state = useLoadable(blockersDocument, { scope, asOf }, (data): BlockerBar[] =>
    data.blockers
      .filter((row) => row.persons > 0)
      .map((row) => ({ ...row, label: t.blockers.reasons[row.reason] }))
      // Most persons first; "no reason recorded" last whatever its size, as it is not a reason.
      .sort(
        (a, b) => Number(a.reason === 'UNKNOWN') - Number(b.reason === 'UNKNOWN') || b.persons - a.persons,
      ),
  );
  return (
    <Panel title={t.blockers.title}>
      <LoadableContent state={state} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <>
            <BlockersChart rows={rows} />
            <AsTable label={t.blockers.title}>
              <DownloadButtons
                spec={{
                  what: 'ly-do-chua-kich-hoat',
                  of: scopeCode(scope),
                  asOf,
                  sheet: t.blockers.title,
                  columns: [
                    { header: t.blockers.reason, value: (row) => row.label, text: true },
                    { header: t.blockers.persons, value: (row) => row.persons },
                    { header: t.blockers.share, value: (row) => row.share, percent: true },
                  ],
                  rows: () => rows,
                }}
              />
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t.blockers.reason}</th>
                    <th scope="col" className="num">
                      {t.blockers.persons}
                    </th>
                    <th scope="col" className="num">
                      {t.blockers.share}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.reason}>
                      <th scope="row">{row.label}</th>
                      <td className="num">{formatInteger(row.persons)}</td>
                      <td className="num">{formatPercent(row.share)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t.blockers.total}</th>
                    <td className="num">{formatInteger(rows.reduce((n, r) => n + r.persons, 0))}</td>
                    <td className="num">{formatPercent(rows.length ? 1 : 0)}</td>
                  </tr>
                </tfoot>
              </table>
            </AsTable>
          </>
        )}
      </LoadableContent>
    </Panel>
  );
}
