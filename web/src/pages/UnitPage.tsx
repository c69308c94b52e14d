import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useCan } from '../auth/session.tsx';
import { LoadableContent } from '../components/common/LoadableContent.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { ScrollRegion } from '../components/common/ScrollRegion.tsx';
import { CoverageTiles } from '../components/coverage/CoverageTiles.tsx';
import { AsOfPicker } from '../components/layout/AsOfPicker.tsx';
import { Breadcrumbs, type Crumb } from '../components/layout/Breadcrumbs.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { TrendPanel } from '../components/progress/TrendPanel.tsx';
import { MilestoneForm } from '../components/recording/MilestoneForm.tsx';
import { graphql } from '../gql';
import { t } from '../i18n/index.ts';
import { useAsOf, withAsOf } from '../lib/as-of.ts';
import { formatDate, formatInteger } from '../lib/format.ts';
import { fromQuery } from '../lib/loadable.ts';

const unitPageDocument = graphql(`
  query UnitPage($id: ID!, $asOf: Date) {
    today
    unit(id: $id) {
      id
      name
      sector
      taxCode
      address
      office {
        id
        name
      }
      district {
        id
        name
        parent {
          id
          name
        }
      }
      commune {
        id
        name
      }
      officer(asOf: $asOf) {
        id
        fullName
      }
      assignments {
        staff {
          id
          fullName
        }
        from
        until
      }
      milestones {
        milestone
        date
        staff {
          fullName
        }
        note
      }
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
    }
  }
`);

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

/** `/units/:id`: who the unit is, who is in charge, what was done there and how far its employees are. */
export function UnitPage() {
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const can = useCan();
  const [result, reexecute] = useQuery({ query: unitPageDocument, variables: { id, asOf } });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const state = fromQuery(result, retry, (data) => data);
  const unit = state.status === 'ready' ? state.data.unit : undefined;
  const today = state.status === 'ready' ? state.data.today : undefined;
  const day = asOf ?? today;
  const trail: Crumb[] = [];
  if (unit?.district?.parent) trail.push(unit.district.parent);
  if (unit?.district) trail.push(unit.district);
  if (unit?.commune) trail.push(unit.commune);
  return (
    <>
      {unit && <Breadcrumbs trail={trail} current={unit.name} />}
      <PageHeading
        title={unit?.name ?? t.unit.title}
        subtitle={day ? t.overview.asOf(formatDate(day)) : undefined}
      />
      <AsOfPicker today={today} />
      <Panel title={t.unit.identity}>
        <LoadableContent state={state}>
          {(data) =>
            data.unit && (
              <dl className="facts">
                <dt>{t.officer.code}</dt>
                <dd>{data.unit.id}</dd>
                <dt>{t.unit.sector}</dt>
                <dd>{t.unit.sectors[data.unit.sector as keyof typeof t.unit.sectors] ?? data.unit.sector}</dd>
                <dt>{t.unit.taxCode}</dt>
                <dd>{data.unit.taxCode ?? '–'}</dd>
                <dt>{t.unit.address}</dt>
                <dd>{data.unit.address ?? '–'}</dd>
                <dt>{t.unit.office}</dt>
                <dd>{data.unit.office.name}</dd>
                <dt>{t.units.officer}</dt>
                <dd>
                  {data.unit.officer ? (
                    <Link to={withAsOf(`/officers/${data.unit.officer.id}`, asOf)}>
                      {data.unit.officer.fullName}
                    </Link>
                  ) : (
                    t.units.noOfficer
                  )}
                </dd>
              </dl>
            )
          }
        </LoadableContent>
      </Panel>
      <Panel title={t.unit.funnel}>
        <LoadableContent state={state}>
          {(data) => data.unit && <CoverageTiles coverage={data.unit.coverage} />}
        </LoadableContent>
      </Panel>
      {unit && <TrendPanel scope={{ unitId: unit.id }} asOf={asOf} />}
      <Panel title={t.unit.timeline}>
        <LoadableContent state={state} isEmpty={(data) => !data.unit || data.unit.milestones.length === 0}>
          {(data) => (
            <ol className="timeline">
              {data.unit?.milestones.map((m) => (
                <li key={`${m.milestone}-${m.date}`}>
                  <time dateTime={m.date}>{formatDate(m.date)}</time>{' '}
                  <strong>{t.unit.milestones[m.milestone]}</strong>
                  {m.staff && ` – ${m.staff.fullName}`}
                  {m.note && <span className="subline">{m.note}</span>}
                </li>
              ))}
            </ol>
          )}
        </LoadableContent>
      </Panel>
      <Panel title={t.unit.history}>
        <LoadableContent state={state} isEmpty={(data) => !data.unit || data.unit.assignments.length === 0}>
          {(data) => (
            <ol className="timeline">
              {data.unit?.assignments.map((a) => (
                <li key={`${a.staff.id}-${a.from}`}>
                  <Link to={withAsOf(`/officers/${a.staff.id}`, asOf)}>
                    <strong>{a.staff.fullName}</strong>
                  </Link>{' '}
                  ({a.staff.id}){' '}
                  {a.until
                    ? t.unit.between(formatDate(a.from), formatDate(a.until))
                    : t.unit.since(formatDate(a.from))}
                </li>
              ))}
            </ol>
          )}
        </LoadableContent>
      </Panel>
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

/** The unit's employees, masked, with their step and stuck reason: only for the roles that may read persons. */
function PersonsPanel({ unitId, asOf }: { unitId: string; asOf: string | null }) {
  const [after, setAfter] = useState<string | null>(null);
  const [result, reexecute] = useQuery({
    query: unitPersonsDocument,
    variables: { id: unitId, asOf, after },
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const state = fromQuery(result, retry, (data) => data.unit?.persons ?? null);
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
