import { useCallback } from 'react';
import { useQuery } from 'urql';
import { LoadableContent } from '../components/common/LoadableContent.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { CoverageTiles } from '../components/coverage/CoverageTiles.tsx';
import { AsOfPicker } from '../components/layout/AsOfPicker.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { OfficerTodoPanel } from '../components/units/OfficerTodoPanel.tsx';
import { UnitTable } from '../components/units/UnitTable.tsx';
import { graphql } from '../gql';
import { t } from '../i18n/index.ts';
import { useAsOf } from '../lib/as-of.ts';
import { formatDate } from '../lib/format.ts';
import { fromQuery } from '../lib/loadable.ts';

// An officer's reach is their units: coverage without a scope counts them, and units lists them.
const officerHomeDocument = graphql(`
  query OfficerHome($asOf: Date) {
    today
    coverage(asOf: $asOf) {
      target
      registered
      approved
      activated
      formSigned
      verified
      activationRate
      units
      unitsContacted
    }
    units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {
      totalCount
      edges {
        node {
          id
          name
          coverage(asOf: $asOf) {
            target
            activated
            activationRate
          }
        }
      }
    }
  }
`);

/** An officer's landing page: the figures of the units in their charge, the laggards first. */
export function OfficerHomePage({ name }: { name: string }) {
  const { asOf } = useAsOf();
  const [result, reexecute] = useQuery({ query: officerHomeDocument, variables: { asOf } });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const state = fromQuery(result, retry, (data) => data);
  const today = state.status === 'ready' ? state.data.today : undefined;
  const day = asOf ?? today;
  return (
    <>
      <PageHeading title={t.officer.title} subtitle={day ? t.overview.asOf(formatDate(day)) : undefined} />
      <AsOfPicker today={today} />
      <Panel title={t.officer.tilesTitle(name)}>
        <LoadableContent state={state}>
          {(data) => <CoverageTiles coverage={data.coverage} />}
        </LoadableContent>
      </Panel>
      <OfficerTodoPanel asOf={asOf} />
      <Panel title={t.officer.unitsTitle}>
        <LoadableContent state={state}>
          {(data) =>
            data.units.totalCount === 0 ? (
              <p className="state-message">{t.officer.noUnits}</p>
            ) : (
              <UnitTable
                label={t.officer.unitsTitle}
                rows={data.units.edges.map((e) => e.node)}
                asOf={asOf}
                activatedOutOfTarget
              />
            )
          }
        </LoadableContent>
      </Panel>
    </>
  );
}
