import { t } from '../../i18n/index.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { DistrictTable } from './DistrictTable.tsx';
import type { DistrictOverview, PartLevel } from './queries.ts';

export function DistrictTablePanel({
  state,
  parts,
}: {
  state: Loadable<DistrictOverview | null>;
  parts: PartLevel;
}) {
  return (
    <Panel title={t.overview.tableTitle(t.parts[parts].plural)}>
      <LoadableContent state={state} isEmpty={(overview) => overview.districts.length === 0}>
        {({ province, districts }) => (
          <DistrictTable districts={districts} province={province} parts={parts} />
        )}
      </LoadableContent>
    </Panel>
  );
}
