import { useEffect } from 'react';
import { t } from '../../i18n/index.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { lazyChart } from '../charts/lazyChart.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import type { DistrictOverview, PartLevel } from './queries.ts';

// The chart library is most of the app's code: it comes in its own chunk, fetched while the data is on
// its way (from main.tsx on the pages that show this chart, else when the panel mounts), so that the
// tiles and the table never wait for it.
const { Chart: DistrictActivationChart, prefetch: prefetchDistrictChart } = lazyChart(() =>
  import('../charts/DistrictActivationChart.tsx').then((module) => module.DistrictActivationChart),
);

export { prefetchDistrictChart };

export function DistrictChartPanel({
  state,
  parts,
}: {
  state: Loadable<DistrictOverview | null>;
  parts: PartLevel;
}) {
  useEffect(prefetchDistrictChart, []);
  return (
    <Panel title={t.overview.chartTitle(t.parts[parts].plural)}>
      <LoadableContent state={state} isEmpty={(overview) => overview.districts.length === 0}>
        {({ province, districts }) => (
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
        )}
      </LoadableContent>
    </Panel>
  );
}
