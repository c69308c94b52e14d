import { useParams } from 'react-router-dom';
import { BlockersPanel } from '../components/blockers/BlockersPanel.tsx';
import { LoadableContent } from '../components/common/LoadableContent.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { Unavailable } from '../components/common/Unavailable.tsx';
import { BreakdownTable } from '../components/coverage/BreakdownTable.tsx';
import { CoverageTilesPanel } from '../components/coverage/CoverageTilesPanel.tsx';
import { AsOfPicker } from '../components/layout/AsOfPicker.tsx';
import { GeographyPicker } from '../components/layout/GeographyPicker.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { OfficersPanel } from '../components/officers/OfficersPanel.tsx';
import { TrendPanel } from '../components/progress/TrendPanel.tsx';
import { OfficerTodoPanel } from '../components/units/OfficerTodoPanel.tsx';
import { ScopeUnitsPanel } from '../components/units/ScopeUnitsPanel.tsx';
import { graphql } from '../gql';
import { t } from '../i18n/index.ts';
import { useAsOf } from '../lib/as-of.ts';
import { formatDate } from '../lib/format.ts';
import { usePageGeography } from '../lib/geography.ts';
import { mapLoadable } from '../lib/loadable.ts';
import { useLoadable } from '../lib/useLoadable.ts';

// An office's units are those it manages (Scope.officeId), wherever they lie: the communes are those
// of the page's map that hold them, each counting only the office's units.
const officePageDocument = graphql(`
  query OfficePage($id: ID!, $scope: Scope!, $asOf: Date) {
    today
    office(id: $id) {
      id
      name
      coverage(asOf: $asOf) {
        ...CoverageTilesFields
      }
    }
    communes: breakdown(by: COMMUNE, scope: $scope, asOf: $asOf) {
      ...BreakdownRowFields
    }
    units(scope: $scope, orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {
      ...ScopeUnitsFields
    }
  }
`);

/** `/offices/:id`: the units one BHXH office manages, by commune and by officer. */
export function OfficePage() {
  const { id = '' } = useParams();
  return <OfficeView officeId={id} own={false} />;
}

/**
 * An office's figures, its communes and officers, trend, blockers and units, the laggards first.
 * `own` is the landing page of an account bound to the office (a BHXH cơ sở).
 */
export function OfficeView({ officeId, own }: { officeId: string; own: boolean }) {
  const { asOf } = useAsOf();
  const { geography } = usePageGeography(asOf);
  const scope = { officeId, ...(geography ? { geography } : {}) };
  const state = useLoadable(officePageDocument, { id: officeId, scope, asOf }, (data) =>
    data.office ? { ...data, office: data.office } : null,
  );
  const data = state.status === 'ready' ? state.data : null;
  const day = asOf ?? data?.today;
  const office = data?.office;
  if (state.refusal === 'FORBIDDEN') return <Unavailable kind="outside" thing="office" id={officeId} />;
  if (state.refusal === 'NOT_FOUND' || (state.status === 'ready' && !office))
    return <Unavailable kind="notFound" thing="office" id={officeId} />;
  return (
    <>
      <PageHeading
        title={own ? t.officePage.ownTitle : t.officePage.title(office?.name ?? officeId)}
        subtitle={office && day ? t.officePage.subtitle(office.name, formatDate(day)) : undefined}
      />
      <div className="page-controls">
        <AsOfPicker today={data?.today} scope={office ? scope : null} />
        <GeographyPicker asOf={asOf} />
      </div>
      <CoverageTilesPanel
        title={t.officePage.tilesTitle}
        state={mapLoadable(state, (data) => data?.office.coverage ?? null)}
      />
      <TrendPanel scope={scope} asOf={asOf} note={t.officePage.trendNote} />
      <Panel title={t.officePage.communesTitle}>
        <LoadableContent state={mapLoadable(state, (data) => data?.communes ?? null)}>
          {(rows) =>
            rows.length === 0 ? (
              <p className="state-message">{t.officePage.noUnits}</p>
            ) : (
              <BreakdownTable
                rows={rows}
                label={t.officePage.communesTitle}
                partName={t.officePage.commune}
                nameOf={(row) => row.label}
                prefix="c."
                file={{ what: 'xa-phuong', of: officeId }}
                asOf={asOf}
              />
            )
          }
        </LoadableContent>
      </Panel>
      <OfficersPanel scope={scope} asOf={asOf} />
      <OfficerTodoPanel scope={scope} asOf={asOf} />
      <BlockersPanel scope={scope} asOf={asOf} />
      <ScopeUnitsPanel
        title={t.officePage.unitsTitle}
        empty={t.officePage.noUnits}
        state={mapLoadable(state, (data) => data?.units ?? null)}
        asOf={asOf}
        file={{ what: 'don-vi', of: officeId }}
      />
    </>
  );
}
