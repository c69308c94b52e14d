import { useEffect } from 'react';
import { graphql } from '../../gql';
import type { Scope } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { addDays, todayInVietnam } from '../../lib/days.ts';
import { formatDate, formatInteger } from '../../lib/format.ts';
import { scopeCode } from '../../lib/table-export.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { lazyChart } from '../charts/lazyChart.tsx';
import type { TrendRow } from '../charts/TrendChart.tsx';
import { AsTable } from '../common/AsTable.tsx';
import { DownloadButtons } from '../common/DownloadButtons.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';

const { Chart: TrendChart, prefetch: prefetchChart } = lazyChart(() =>
  import('../charts/TrendChart.tsx').then((module) => module.TrendChart),
);

const DAYS = 90;

// One day before the window too, so that the first day's new activations can be counted.
const trendDocument = graphql(`
  query ScopeTrend($scope: Scope!, $from: Date!, $to: Date!) {
    trend(scope: $scope, from: $from, to: $to) {
      date
      registered
      approved
      activated
      formSigned
      verified
    }
  }
`);

/** The last 90 days of a scope (an area, an officer's units) up to the page's day: the five steps, and each day's new activations; also as a table. */
export function TrendPanel({ scope, asOf, note }: { scope: Scope; asOf: string | null; note?: string }) {
  const to = asOf ?? todayInVietnam();
  const from = addDays(to, -DAYS);
  useEffect(prefetchChart, []);
  const state = useLoadable(trendDocument, { scope, from, to }, (data): TrendRow[] => {
    const points = data.trend;
    return points
      .slice(1)
      .map((p, i) => ({ ...p, daily: p.activated - (points[i]?.activated ?? p.activated) }));
  });
  return (
    <Panel title={t.trend.title(DAYS)}>
      {note && <p className="panel__note">{note}</p>}
      <LoadableContent
        state={state}
        // A scope with nobody registered in the whole window (an officer with no units) has nothing to draw.
        isEmpty={(rows) => rows.every((row) => row.registered === 0 && row.daily === 0)}
      >
        {(rows) => (
          <>
            <TrendChart rows={rows} />
            <AsTable label={t.trend.asTable}>
              <DownloadButtons
                spec={{
                  what: 'dien-bien',
                  of: scopeCode(scope),
                  asOf,
                  sheet: t.trend.title(DAYS),
                  columns: [
                    { header: t.trend.day, value: (row) => formatDate(row.date), text: true },
                    { header: t.tiles.registered, value: (row) => row.registered },
                    { header: t.tiles.approved, value: (row) => row.approved },
                    { header: t.tiles.activated, value: (row) => row.activated },
                    { header: t.tiles.formSigned, value: (row) => row.formSigned },
                    { header: t.tiles.verified, value: (row) => row.verified },
                    { header: t.trend.daily, value: (row) => row.daily },
                  ],
                  rows: () => [...rows].reverse(),
                }}
              />
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t.trend.day}</th>
                    <th scope="col" className="num">
                      {t.tiles.registered}
                    </th>
                    <th scope="col" className="num">
                      {t.tiles.approved}
                    </th>
                    <th scope="col" className="num">
                      {t.tiles.activated}
                    </th>
                    <th scope="col" className="num">
                      {t.tiles.formSigned}
                    </th>
                    <th scope="col" className="num">
                      {t.tiles.verified}
                    </th>
                    <th scope="col" className="num">
                      {t.trend.daily}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...rows].reverse().map((row) => (
                    <tr key={row.date}>
                      <th scope="row">{formatDate(row.date)}</th>
                      <td className="num">{formatInteger(row.registered)}</td>
                      <td className="num">{formatInteger(row.approved)}</td>
                      <td className="num">{formatInteger(row.activated)}</td>
                      <td className="num">{formatInteger(row.formSigned)}</td>
                      <td className="num">{formatInteger(row.verified)}</td>
                      <td className="num">{formatInteger(row.daily)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </AsTable>
          </>
        )}
      </LoadableContent>
    </Panel>
  );
}
