import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatInteger } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { UnitTable } from './UnitTable.tsx';

const laggingUnitsDocument = graphql(`
  query LaggingUnits($id: ID!, $geography: ID!, $asOf: Date) {
    area(id: $id, geography: $geography) {
      id
      units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 20) {
        totalCount
        edges {
          node {
            id
            name
            officer(asOf: $asOf) {
              id
              fullName
            }
            coverage(asOf: $asOf) {
              target
              activated
              activationRate
            }
          }
        }
      }
    }
  }
`);

/** The area's units with the lowest activation rate on the day: where a district head looks first. */
export function LaggingUnitsPanel({
  scope,
  asOf,
}: {
  /** The area, in its geography. */
  scope: { areaId: string; geography: string };
  asOf: string | null;
}) {
  const state = useLoadable(
    laggingUnitsDocument,
    { id: scope.areaId, geography: scope.geography, asOf },
    (data) => data.area?.units ?? null,
  );
  const units = state.status === 'ready' ? state.data : null;
  const title = t.units.laggingTitle(
    units?.edges.length ?? 0,
    units ? formatInteger(units.totalCount) : null,
  );
  return (
    <Panel title={title}>
      <LoadableContent state={state} isEmpty={(units) => units.totalCount === 0}>
        {(units) => <UnitTable label={title} rows={units.edges.map((e) => e.node)} asOf={asOf} showOfficer />}
      </LoadableContent>
    </Panel>
  );
}
