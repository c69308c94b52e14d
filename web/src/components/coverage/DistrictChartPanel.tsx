import { lazy, Suspense, useEffect } from 'react';
import { t } from '../../i18n/index.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { ErrorBoundary } from '../common/ErrorBoundary.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { ErrorState, LoadingState } from '../common/StateMessages.tsx';
import type { DistrictOverview, PartLevel } from './queries.ts';

// The chart library is most of the app's code: it comes in its own chunk, fetched as soon as the
// panel mounts (while the data is on its way), so that the tiles and the table never wait for it.
const loadChart = () =>
  import('../charts/DistrictActivationChart.tsx').then((module) => ({
    default: module.DistrictActivationChart,
  }));
const DistrictActivationChart = lazy(loadChart);

// A chunk that failed to load stays failed for this page load; reloading fetches it afresh.
const reload = () => window.location.reload();

export function DistrictChartPanel({
  state,
  parts,
}: {
  state: Loadable<DistrictOverview | null>;
  parts: PartLevel;
}) {
  useEffect(() => {
    // A failure shows when the chart renders; here it only needs to be silenced.
    loadChart().catch(() => {});
  }, []);
  return (
    <Panel title={t.overview.chartTitle(t.parts[parts].plural)}>
      <LoadableContent state={state} isEmpty={(overview) => overview.districts.length === 0}>
        {({ province, districts }) => (
          <ErrorBoundary fallback={(error) => <ErrorState message={error.message} onRetry={reload} />}>
            <Suspense fallback={<LoadingState />}>
              <DistrictActivationChart
                districts={districts.map(({ id, name, coverage }) => ({
                  id,
                  name,
                  rate: coverage.activationRate,
                  activated: coverage.activated,
                  target: coverage.target,
                }))}
                provinceName={province.name}
                parts={parts}
                provinceRate={province.coverage.activationRate}
                goalRate={province.coverage.goal?.rate ?? null}
              />
            </Suspense>
          </ErrorBoundary>
        )}
      </LoadableContent>
    </Panel>
  );
}
