import { Fragment, useState } from 'react';
import { useClient } from 'urql';
import { useCan } from '../../auth/session.tsx';
import { graphql } from '../../gql';
import type { DownloadFormat, PersonOrder, UnitPersonsQuery } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { fetchAllRows } from '../../lib/fetch-all.ts';
import { formatInteger } from '../../lib/format.ts';
import { errorMessage } from '../../lib/loadable.ts';
import type { ExportColumn } from '../../lib/table-export.ts';
import { parsePage, type Sort, useSortParam, useTableParams } from '../../lib/table-params.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { DownloadButtons } from '../common/DownloadButtons.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import { SortHeader } from '../common/SortHeader.tsx';
import { BlockerForm } from '../recording/BlockerForm.tsx';

const PAGE = 50;

const unitPersonsDocument = graphql(`
  query UnitPersons(
    $id: ID!
    $asOf: Date
    $orderBy: PersonOrder
    $filter: PersonFilter
    $first: Int!
    $offset: Int!
  ) {
    unit(id: $id) {
      id
      persons(asOf: $asOf, orderBy: $orderBy, filter: $filter, first: $first, offset: $offset) {
        totalCount
        pageInfo {
          hasNextPage
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

const recordDownloadDocument = graphql(`
  mutation RecordPersonsDownload($unitId: ID!, $personIds: [ID!]!, $format: DownloadFormat!) {
    recordPersonsDownload(unitId: $unitId, personIds: $personIds, format: $format)
  }
`);

type PersonRow = NonNullable<UnitPersonsQuery['unit']>['persons']['edges'][number]['node'];

const SORT_KEYS = ['name', 'step'] as const;
type SortKey = (typeof SORT_KEYS)[number];
const BY_NAME: Sort<SortKey> = { key: 'name', descending: false };
/** The server orders the persons (they are paged): its order for each column, either way. */
const ORDERS: Record<SortKey, [PersonOrder, PersonOrder]> = {
  name: ['NAME', 'NAME_DESC'],
  step: ['STEP', 'STEP_DESC'],
};

/** Steps at which a person is activated: nobody there is stuck. */
const ACTIVATED: (string | null | undefined)[] = ['ACTIVATED', 'FORM_SIGNED', 'VERIFIED'];

const stepText = (row: PersonRow) => (row.step ? t.unit.steps[row.step] : t.unit.noStep);
const blockerText = (row: PersonRow) => (row.blocker ? t.blockers.reasons[row.blocker.reason] : '');

/** The file holds what the table shows: the codes masked as on screen. */
const COLUMNS: ExportColumn<PersonRow>[] = [
  { header: t.unit.personName, value: (p) => p.fullName, text: true },
  { header: t.unit.siCode, value: (p) => p.socialInsuranceCode, text: true },
  { header: t.unit.step, value: stepText, text: true },
  { header: t.unit.blocker, value: blockerText, text: true },
];

/**
 * The unit's employees, masked, with their step and stuck reason: only for the roles that may read
 * persons. Order, page and the filter "not yet activated" are in the URL under "n."; a download is
 * written to the access log, with the persons it lists, before the file is handed over. Whoever may
 * record reasons (an officer for their units) records why a person not yet activated is stuck from
 * here, one row at a time.
 */
export function PersonsPanel({ unitId, asOf }: { unitId: string; asOf: string | null }) {
  const client = useClient();
  const can = useCan();
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { get, update } = useTableParams('n.');
  const notActivated = get('na') === '1';
  const filter = notActivated ? { notActivated: true } : null;
  const recording = can('blocker:record');
  const [sort, sortBy] = useSortParam('n.', SORT_KEYS, BY_NAME, ['page']);
  const page = parsePage(get('page'), PAGE);
  const orderBy = ORDERS[sort.key][sort.descending ? 1 : 0];
  const state = useLoadable(
    unitPersonsDocument,
    { id: unitId, asOf, orderBy, filter, first: PAGE, offset: (page - 1) * PAGE },
    (data) => data.unit?.persons ?? null,
  );
  const goTo = (next: number) => update({ page: next > 1 ? String(next) : null });

  async function logDownload(rows: readonly PersonRow[], format: DownloadFormat) {
    const result = await client
      .mutation(recordDownloadDocument, { unitId, personIds: rows.map((p) => p.id), format })
      .toPromise();
    if (result.error) throw new Error(errorMessage(result.error));
  }

  return (
    <Panel title={t.unit.persons} action="persons:read">
      <p className="panel__note">{t.unit.personsNote}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={notActivated}
          onChange={(e) => update({ na: e.target.checked ? '1' : null, page: null })}
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
            <DownloadButtons
              spec={{
                what: 'nguoi-lao-dong',
                of: unitId,
                asOf,
                sheet: t.unit.persons,
                columns: COLUMNS,
                rows: () =>
                  fetchAllRows(
                    client,
                    unitPersonsDocument,
                    (slice) => ({ id: unitId, asOf, orderBy, filter, ...slice }),
                    (data) =>
                      data.unit
                        ? {
                            rows: data.unit.persons.edges.map((e) => e.node),
                            totalCount: data.unit.persons.totalCount,
                          }
                        : null,
                  ),
                beforeSave: logDownload,
              }}
            />
            <ScrollRegion label={t.unit.persons}>
              <table className="data-table">
                <thead>
                  <tr>
                    <SortHeader label={t.unit.personName} sortKey="name" sort={sort} onSort={sortBy} />
                    <th scope="col">{t.unit.siCode}</th>
                    <SortHeader label={t.unit.step} sortKey="step" sort={sort} onSort={sortBy} />
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
                        <td>{stepText(node)}</td>
                        <td>
                          {blockerText(node)}
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
                          <td colSpan={recording ? 5 : 4}>
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
              {page > 1 && (
                <button type="button" className="link-button" onClick={() => goTo(1)}>
                  {t.unit.firstPage}
                </button>
              )}
              {persons.pageInfo.hasNextPage && (
                <button type="button" className="link-button" onClick={() => goTo(page + 1)}>
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
