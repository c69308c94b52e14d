import { useParams } from 'react-router-dom';
import { BlockersPanel } from '../components/blockers/BlockersPanel.tsx';
import { Unavailable } from '../components/common/Unavailable.tsx';
import { CoverageTilesPanel } from '../components/coverage/CoverageTilesPanel.tsx';
import { AsOfPicker } from '../components/layout/AsOfPicker.tsx';
import { Breadcrumbs, type Crumb } from '../components/layout/Breadcrumbs.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { TrendPanel } from '../components/progress/TrendPanel.tsx';
import { OfficerTodoPanel } from '../components/units/OfficerTodoPanel.tsx';
import { ScopeUnitsPanel } from '../components/units/ScopeUnitsPanel.tsx';
import { graphql } from '../gql';
import { t } from '../i18n/index.ts';
import { useAsOf } from '../lib/as-of.ts';
import { formatDate } from '../lib/format.ts';
import { mapLoadable } from '../lib/loadable.ts';
import { useLoadable } from '../lib/useLoadable.ts';

// The units of an officer are those in their charge on the page's day (Scope.staffId).
const officerPageDocument = graphql(`
  query OfficerPage($id: ID!, $asOf: Date) {
    today
    staff(id: $id) {
      id
      fullName
      office {
        id
        name
        area {
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
      }
      coverage(asOf: $asOf) {
        ...CoverageTilesFields
      }
    }
    units(scope: { staffId: $id }, orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {
      ...ScopeUnitsFields
    }
  }
`);

/** `/officers/:id`: an officer's units, what is left to do there, and how they progressed. */
export function OfficerPage() {
  const { id = '' } = useParams();
  return <OfficerView staffId={id} own={false} />;
}

/**
 * An officer's figures, to-do lists, trend, blockers and units, the laggards first. `own` is the
 * officer's own landing page, which speaks to them ("my units").
 */
export function OfficerView({ staffId, own }: { staffId: string; own: boolean }) {
  const { asOf } = useAsOf();
  const state = useLoadable(officerPageDocument, { id: staffId, asOf }, (data) =>
    data.staff ? { ...data, staff: data.staff } : null,
  );
  const data = state.status === 'ready' ? state.data : null;
  const day = asOf ?? data?.today;
  const officer = data?.staff;
  const trail: Crumb[] = [];
  if (officer?.office.area.parent) trail.push(officer.office.area.parent);
  if (officer) trail.push(officer.office.area);
  const scope = { staffId };
  if (state.refusal === 'FORBIDDEN') return <Unavailable kind="outside" thing="officer" id={staffId} />;
  if (state.refusal === 'NOT_FOUND' || (state.status === 'ready' && !officer))
    return <Unavailable kind="notFound" thing="officer" id={staffId} />;
  return (
    <>
      {officer && !own && (
        <Breadcrumbs trail={trail} current={officer.fullName} geography={officer.office.area.geography.id} />
      )}
      <PageHeading
        title={own ? t.officer.title : t.officerPage.title(officer?.fullName ?? staffId)}
        subtitle={officer && day ? t.officerPage.subtitle(officer.office.name, formatDate(day)) : undefined}
      />
      <AsOfPicker today={data?.today} scope={officer ? scope : null} />
      <CoverageTilesPanel
        title={own && officer ? t.officer.tilesTitle(officer.fullName) : t.officerPage.tilesTitle}
        state={mapLoadable(state, (data) => data?.staff.coverage ?? null)}
      />
      <OfficerTodoPanel scope={scope} asOf={asOf} />
      <TrendPanel scope={scope} asOf={asOf} note={t.officerPage.trendNote} />
      <BlockersPanel scope={scope} asOf={asOf} />
      <ScopeUnitsPanel
        title={own ? t.officer.unitsTitle : t.officerPage.unitsTitle}
        empty={own ? t.officer.noUnits : t.officerPage.noUnits}
        state={mapLoadable(state, (data) => data?.units ?? null)}
        asOf={asOf}
        file={{ what: 'don-vi', of: staffId }}
      />
    </>
  );
}
