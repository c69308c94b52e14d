import { t } from '../../i18n/index.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { CoverageTiles } from './CoverageTiles.tsx';
import type { ProvinceCoverage } from './queries.ts';

export function ProvinceTilesPanel({ state }: { state: Loadable<ProvinceCoverage | null> }) {
  const title =
    state.status === 'ready' && state.data
      ? t.overview.tilesTitle(state.data.name)
      : t.overview.tilesTitleFallback;
  return (
    <Panel title={title}>
      <LoadableContent state={state}>
        {(province) => <CoverageTiles coverage={province.coverage} weekAgo={province.weekAgo} />}
      </LoadableContent>
    </Panel>
  );
}
