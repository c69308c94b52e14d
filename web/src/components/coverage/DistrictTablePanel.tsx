import { t } from '../../i18n/index.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { DistrictTable } from './DistrictTable.tsx';
import type { DistrictOverview } from './queries.ts';

export function DistrictTablePanel({ state }: { state: Loadable<DistrictOverview | null> }) {
  return (
    <Panel title={t.overview.tableTitle}>
      <LoadableContent state={state} isEmpty={(overview) => overview.districts.length === 0}>
        {({ province, districts }) => <DistrictTable districts={districts} province={province} />}
      </LoadableContent>
    </Panel>
  );
}
