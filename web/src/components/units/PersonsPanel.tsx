import { useState } from 'react';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatInteger } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';

const unitPersonsDocument = graphql(`
  query UnitPersons($id: ID!, $asOf: Date, $after: String) {
    unit(id: $id) {
      id
      persons(asOf: $asOf, first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            fullName
            socialInsuranceCode
            step
            blocker {
              reason
            }
          }
        }
      }
    }
  }
`);

/** The unit's employees, masked, with their step and stuck reason: only for the roles that may read persons. */
export function PersonsPanel({ unitId, asOf }: { unitId: string; asOf: string | null }) {
  const [after, setAfter] = useState<string | null>(null);
  const state = useLoadable(
    unitPersonsDocument,
    { id: unitId, asOf, after },
    (data) => data.unit?.persons ?? null,
  );
  return (
    <Panel title={t.unit.persons} action="persons:read">
      <p className="panel__note">{t.unit.personsNote}</p>
      <LoadableContent state={state} isEmpty={(persons) => persons.totalCount === 0}>
        {(persons) => (
          <>
            <ScrollRegion label={t.unit.persons}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t.unit.personName}</th>
                    <th scope="col">{t.unit.siCode}</th>
                    <th scope="col">{t.unit.step}</th>
                    <th scope="col">{t.unit.blocker}</th>
                  </tr>
                </thead>
                <tbody>
                  {persons.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <th scope="row">{node.fullName}</th>
                      <td>
                        <code>{node.socialInsuranceCode}</code>
                      </td>
                      <td>{node.step ? t.unit.steps[node.step] : t.unit.noStep}</td>
                      <td>{node.blocker ? t.blockers.reasons[node.blocker.reason] : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            <p className="pager">
              {t.unit.personsCount(formatInteger(persons.totalCount))}{' '}
              {after && (
                <button type="button" className="link-button" onClick={() => setAfter(null)}>
                  {t.unit.firstPage}
                </button>
              )}
              {persons.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setAfter(persons.pageInfo.endCursor ?? null)}
                >
                  {t.unit.nextPage}
                </button>
              )}
            </p>
          </>
        )}
      </LoadableContent>
    </Panel>
  );
}
