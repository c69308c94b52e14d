import { useParams } from 'react-router-dom';
import { useCan } from '../auth/session.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { Unavailable } from '../components/common/Unavailable.tsx';
import { CoverageTilesPanel } from '../components/coverage/CoverageTilesPanel.tsx';
import { AsOfPicker } from '../components/layout/AsOfPicker.tsx';
import { Breadcrumbs, type Crumb } from '../components/layout/Breadcrumbs.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { TrendPanel } from '../components/progress/TrendPanel.tsx';
import { MilestoneForm } from '../components/recording/MilestoneForm.tsx';
import { PersonsPanel } from '../components/units/PersonsPanel.tsx';
import { UnitHistoryPanel } from '../components/units/UnitHistoryPanel.tsx';
import { UnitIdentityPanel } from '../components/units/UnitIdentityPanel.tsx';
import { UnitTimelinePanel } from '../components/units/UnitTimelinePanel.tsx';
import { graphql } from '../gql';
import { t } from '../i18n/index.ts';
import { useAsOf } from '../lib/as-of.ts';
import { formatDate } from '../lib/format.ts';
import { mapLoadable } from '../lib/loadable.ts';
import { useLoadable } from '../lib/useLoadable.ts';

const unitPageDocument = graphql(`
  query UnitPage($id: ID!, $asOf: Date) {
    today
    unit(id: $id) {
      id
      name
      district {
        id
        name
        geography {
          id
        }
        parent {
          id
          name
        }
      }
      commune {
        id
        name
        geography {
          id
        }
        parent {
          id
          name
        }
      }
      coverage(asOf: $asOf) {
        ...CoverageTilesFields
      }
      ...UnitIdentityFields
      ...UnitTimelineFields
      ...UnitHistoryFields
    }
  }
`);

/** `/units/:id`: who the unit is, who is in charge, what was done there and how far its employees are. */
export function UnitPage() {
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const can = useCan();
  const state = useLoadable(unitPageDocument, { id, asOf }, (data) => data);
  const unitState = mapLoadable(state, (data) => data.unit ?? null);
  const unit = unitState.status === 'ready' ? unitState.data : null;
  const today = state.status === 'ready' ? state.data.today : undefined;
  const day = asOf ?? today;
  // The unit's place in today's map: province, district, commune, or, with no district level, the
  // commune straight under the province.
  const trail: Crumb[] = (
    unit?.district
      ? [unit.district.parent, unit.district, unit.commune]
      : [unit?.commune?.parent, unit?.commune]
  ).filter((area) => area != null);
  const geography = (unit?.commune ?? unit?.district)?.geography.id;
  if (state.refusal === 'FORBIDDEN') return <Unavailable kind="outside" thing="unit" id={id} />;
  if (unitState.status === 'ready' && !unit) return <Unavailable kind="notFound" thing="unit" id={id} />;
  return (
    <>
      {unit && geography && <Breadcrumbs trail={trail} current={unit.name} geography={geography} />}
      <PageHeading
        title={unit?.name ?? t.unit.title}
        subtitle={day ? t.overview.asOf(formatDate(day)) : undefined}
      />
      <AsOfPicker today={today} scope={unit ? { unitId: unit.id } : null} />
      <UnitIdentityPanel state={unitState} />
      <CoverageTilesPanel
        title={t.unit.funnel}
        state={mapLoadable(unitState, (u) => u?.coverage ?? null)}
        oneUnit
      />
      {unit && <TrendPanel scope={{ unitId: unit.id }} asOf={asOf} />}
      <UnitTimelinePanel state={unitState} day={day} />
      <UnitHistoryPanel state={unitState} day={day} />
      {/* The server checks again that the unit is within the account's reach. */}
      {can('milestone:record') && unit && (
        <Panel title={t.recording.milestoneTitle}>
          <MilestoneForm unitId={unit.id} />
        </Panel>
      )}
      {can('persons:read') && <PersonsPanel unitId={id} asOf={asOf} />}
    </>
  );
}
