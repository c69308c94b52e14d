import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { EmptyState } from '../common/StateMessages.tsx';
import { DistrictTable } from './DistrictTable.tsx';
import type { PartLevel } from './queries.ts';

const districtTableFields = graphql(`
  fragment DistrictTableFields on Area {
    code
    name
    geography {
      id
    }
    coverage(asOf: $asOf) {
      target
      registered
      activated
      activationRate
      units
      unitsContacted
    }
    weekAgo: coverage(asOf: $weekAgo) {
      activated
    }
    children {
      id
      name
      coverage(asOf: $asOf) {
        target
        registered
        activated
        activationRate
        units
        unitsContacted
      }
      weekAgo: coverage(asOf: $weekAgo) {
        activated
      }
    }
  }
`);

type DistrictTableRef = FragmentType<typeof districtTableFields>;

/** The parts' figures (the chart's data, readable as a table) with the area as totals. */
export function DistrictTablePanel({
  state,
  parts,
}: {
  state: Loadable<DistrictTableRef | null>;
  parts: PartLevel;
}) {
  return (
    <Panel title={t.overview.tableTitle(t.parts[parts].plural)}>
      <LoadableContent state={state}>{(area) => <PartsTable area={area} parts={parts} />}</LoadableContent>
    </Panel>
  );
}

function PartsTable(props: { area: DistrictTableRef; parts: PartLevel }) {
  const area = useFragment(districtTableFields, props.area);
  if (area.children.length === 0) return <EmptyState />;
  return <DistrictTable area={area} parts={props.parts} />;
}
