import { useEffect } from 'react';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { lazyChart } from '../charts/lazyChart.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { EmptyState } from '../common/StateMessages.tsx';
import type { PartLevel } from './queries.ts';

const districtChartFields = graphql(`
  fragment DistrictChartFields on Area {
    name
    coverage(asOf: $asOf) {
      activationRate
      goal {
        rate
      }
    }
    children {
      id
      name
      coverage(asOf: $asOf) {
        target
        activated
        activationRate
      }
    }
  }
`);

type DistrictChartRef = FragmentType<typeof districtChartFields>;

// The chart library is most of the app's code: it comes in its own chunk, fetched while the data is on
// its way (from main.tsx on the pages that show this chart, else when the panel mounts), so that the
// tiles and the table never wait for it.
const { Chart: DistrictActivationChart, prefetch: prefetchDistrictChart } = lazyChart(() =>
  import('../charts/DistrictActivationChart.tsx').then((module) => module.DistrictActivationChart),
);

export { prefetchDistrictChart };

/** The parts' activation rates as bars, against the area's rate and its goal. */
export function DistrictChartPanel({
  state,
  parts,
}: {
  state: Loadable<DistrictChartRef | null>;
  parts: PartLevel;
}) {
  useEffect(prefetchDistrictChart, []);
  return (
    <Panel title={t.overview.chartTitle(t.parts[parts].plural)}>
      <LoadableContent state={state}>{(area) => <PartsChart area={area} parts={parts} />}</LoadableContent>
    </Panel>
  );
}

function PartsChart(props: { area: DistrictChartRef; parts: PartLevel }) {
  const area = useFragment(districtChartFields, props.area);
  if (area.children.length === 0) return <EmptyState />;
  return (
    <DistrictActivationChart
      districts={area.children.map(({ id, name, coverage }) => ({
        id,
        name,
        rate: coverage.activationRate,
        activated: coverage.activated,
        target: coverage.target,
      }))}
      provinceName={area.name}
      parts={props.parts}
      provinceRate={area.coverage.activationRate}
      goalRate={area.coverage.goal?.rate ?? null}
    />
  );
}
