import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { withAsOf } from '../../lib/as-of.ts';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { fromQuery } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { RateBar } from '../common/RateBar.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';

const laggingUnitsDocument = graphql(`
  query LaggingUnits($id: ID!, $asOf: Date) {
    area(id: $id) {
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
export function LaggingUnitsPanel({ areaId, asOf }: { areaId: string; asOf: string | null }) {
  const [result, reexecute] = useQuery({ query: laggingUnitsDocument, variables: { id: areaId, asOf } });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const state = fromQuery(result, retry, (data) => data.area?.units ?? null);
  const units = state.status === 'ready' ? state.data : null;
  const title = t.units.laggingTitle(
    units?.edges.length ?? 0,
    units ? formatInteger(units.totalCount) : null,
  );
  return (
    <Panel title={title}>
      <LoadableContent state={state} isEmpty={(units) => units.totalCount === 0}>
        {(units) => (
          <ScrollRegion label={title}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.officer.code}</th>
                  <th scope="col">{t.officer.unit}</th>
                  <th scope="col">{t.units.officer}</th>
                  <th scope="col" className="num">
                    {t.table.target}
                  </th>
                  <th scope="col" className="num">
                    {t.table.activated}
                  </th>
                  <th scope="col" className="num">
                    {t.table.activationRate}
                  </th>
                </tr>
              </thead>
              <tbody>
                {units.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>{node.id}</td>
                    <th scope="row">
                      <Link to={withAsOf(`/units/${node.id}`, asOf)}>{node.name}</Link>
                    </th>
                    <td>{node.officer?.fullName ?? t.units.noOfficer}</td>
                    <td className="num">{formatInteger(node.coverage.target)}</td>
                    <td className="num">{formatInteger(node.coverage.activated)}</td>
                    <td className="num">
                      <span className="rate-cell">
                        <RateBar ratio={node.coverage.activationRate} />
                        <span className="rate-cell__value">
                          {formatPercent(node.coverage.activationRate)}
                        </span>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </LoadableContent>
    </Panel>
  );
}
