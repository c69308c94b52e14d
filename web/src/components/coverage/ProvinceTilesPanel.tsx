import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { CoverageTiles } from './CoverageTiles.tsx';

const provinceTilesFields = graphql(`
  fragment ProvinceTilesFields on Area {
    name
    coverage(asOf: $asOf) {
      ...CoverageTilesFields
    }
    weekAgo: coverage(asOf: $weekAgo) {
      ...CoverageTilesFields
    }
  }
`);

type ProvinceTilesRef = FragmentType<typeof provinceTilesFields>;

/** The area's headline figures, and their change over the last 7 days. */
export function ProvinceTilesPanel({ state }: { state: Loadable<ProvinceTilesRef | null> }) {
  const area = useFragment(provinceTilesFields, state.status === 'ready' ? state.data : null);
  return (
    <Panel title={area ? t.overview.tilesTitle(area.name) : t.overview.tilesTitleFallback}>
      <LoadableContent state={state}>
        {() => area && <CoverageTiles coverage={area.coverage} weekAgo={area.weekAgo} />}
      </LoadableContent>
    </Panel>
  );
}
