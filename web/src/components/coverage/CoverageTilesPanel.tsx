import type { Loadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { CoverageTiles, type CoverageTilesRef } from './CoverageTiles.tsx';

/** A scope's funnel (a unit's, an officer's units') under the page's title for it. */
export function CoverageTilesPanel({
  title,
  state,
  oneUnit = false,
}: {
  title: string;
  state: Loadable<CoverageTilesRef | null>;
  oneUnit?: boolean;
}) {
  return (
    <Panel title={title}>
      <LoadableContent state={state}>
        {(coverage) => <CoverageTiles coverage={coverage} oneUnit={oneUnit} />}
      </LoadableContent>
    </Panel>
  );
}
