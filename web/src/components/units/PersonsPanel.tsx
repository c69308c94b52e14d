import { Fragment, useState } from 'react';
import { useCan } from '../../auth/session.tsx';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatInteger } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import { BlockerForm } from '../recording/BlockerForm.tsx';

const unitPersonsDocument = graphql(`
  query UnitPersons($id: ID!, $asOf: Date, $after: String, $filter: PersonFilter) {
    unit(id: $id) {
      id
      persons(asOf: $asOf, filter: $filter, first: 50, after: $after) {
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
              note
            }
          }
        }
      }
    }
  }
`);

/** Steps at which a person is activated: nobody there is stuck. */
const ACTIVATED: (string | null | undefined)[] = ['ACTIVATED', 'FORM_SIGNED', 'VERIFIED'];

/**
 * The unit's employees, masked, with their step and stuck reason: only for the roles that may read
 * persons. An officer (or anyone who may record reasons) records why a person not yet activated is
 * stuck from here, one row at a time; "not yet activated" narrows the list to those.
 */
export function PersonsPanel({ unitId, asOf }: { unitId: string; asOf: string | null }) {
  const can = useCan();
  const [after, setAfter] = useState<string | null>(null);
  const [notActivated, setNotActivated] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const state = useLoadable(
    unitPersonsDocument,
    { id: unitId, asOf, after, filter: notActivated ? { notActivated: true } : null },
    (data) => data.unit?.persons ?? null,
  );
  const recording = can('blocker:record');
  const columns = recording ? 5 : 4;
  return (
    <Panel title={t.unit.persons} action="persons:read">
      <p className="panel__note">{t.unit.personsNote}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={notActivated}
          onChange={(e) => {
            setNotActivated(e.target.checked);
            setAfter(null);
          }}
        />{' '}
        {t.unit.notActivatedOnly}
      </label>
      {done && (
        <p className="form-done" role="status">
          {done}
        </p>
      )}
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
                    {recording && (
                      <th scope="col">
                        <span className="visually-hidden">{t.recording.blockerColumn}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {persons.edges.map(({ node }) => (
                    <Fragment key={node.id}>
                      <tr>
                        <th scope="row">{node.fullName}</th>
                        <td>
                          <code>{node.socialInsuranceCode}</code>
                        </td>
                        <td>{node.step ? t.unit.steps[node.step] : t.unit.noStep}</td>
                        <td>
                          {node.blocker ? t.blockers.reasons[node.blocker.reason] : ''}
                          {node.blocker?.note && <span className="subline">{node.blocker.note}</span>}
                        </td>
                        {recording && (
                          <td>
                            {!ACTIVATED.includes(node.step) && editing !== node.id && (
                              <button
                                type="button"
                                className="link-button"
                                data-action="blocker:record"
                                aria-label={t.recording.blockerTitle(node.fullName)}
                                onClick={() => {
                                  setEditing(node.id);
                                  setDone(null);
                                }}
                              >
                                {node.blocker ? t.recording.blockerChange : t.recording.blockerRecord}
                              </button>
                            )}
                          </td>
                        )}
                      </tr>
                      {editing === node.id && (
                        <tr className="data-table__form-row">
                          <td colSpan={columns}>
                            <BlockerForm
                              personId={node.id}
                              personName={node.fullName}
                              current={node.blocker ?? null}
                              onCancel={() => setEditing(null)}
                              onDone={(message) => {
                                setEditing(null);
                                setDone(message);
                                state.refresh();
                              }}
                            />
                          </td>
                        </tr>
                      )}
                    </Fragment>
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
