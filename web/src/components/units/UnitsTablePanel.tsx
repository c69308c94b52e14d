import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import type { Milestone, UnitOrder } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { formatInteger } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { NO_OFFICER, useScopePeople } from '../officers/queries.ts';
import { UnitTable } from './UnitTable.tsx';

const PAGE = 25;

const unitsTableDocument = graphql(`
  query UnitsTable($scope: Scope!, $filter: UnitFilter, $orderBy: UnitOrder, $asOf: Date, $after: String) {
    units(scope: $scope, filter: $filter, orderBy: $orderBy, asOf: $asOf, first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          sector
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
`);

const SECTORS = ['HCSN', 'DNNN', 'FDI', 'NQD', 'HTX', 'KHAC'] as const;
const MILESTONES: Milestone[] = [
  'LEADERSHIP_CONTACTED',
  'GUIDE_SENT',
  'REPRESENTATIVE_GUIDED',
  'EMPLOYEES_GUIDED',
  'TRAINING_ATTENDED',
];
const ORDERS: UnitOrder[] = ['ACTIVATION_RATE_ASC', 'ACTIVATION_RATE_DESC', 'NAME', 'CODE'];

interface Criteria {
  search: string;
  sector: string;
  office: string;
  officer: string;
  reached: Milestone | '';
  notContacted: boolean;
  orderBy: UnitOrder;
}

const START: Criteria = {
  search: '',
  sector: '',
  office: '',
  officer: '',
  reached: '',
  notContacted: false,
  orderBy: 'ACTIVATION_RATE_ASC',
};

/**
 * Every unit of an area, a page at a time: searched without regard to diacritics, filtered by sector,
 * managing office, officer in charge, milestone reached or "not yet contacted", ordered by rate or name, each a link to its page.
 */
export function UnitsTablePanel({
  scope: area,
  asOf,
}: {
  /** The area, in its geography. */
  scope: { areaId: string; geography: string };
  asOf: string | null;
}) {
  const [criteria, setCriteria] = useState<Criteria>(START);
  // The cursors of the pages before this one, so that "previous" needs no offset arithmetic.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const state = useLoadable(
    unitsTableDocument,
    {
      scope: {
        ...area,
        sector: criteria.sector || null,
        officeId: criteria.office || null,
        staffId: criteria.officer || null,
      },
      filter: {
        search: criteria.search || null,
        reached: criteria.reached || null,
        notContacted: criteria.notContacted || null,
      },
      orderBy: criteria.orderBy,
      asOf,
      after,
    },
    (data) => data.units,
  );
  // The offices and officers that have units here, for the choices (the officers panel asks the same).
  const people = useScopePeople(area, asOf);
  const choices = people.status === 'ready' ? people.data : null;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setCriteria({
      search: String(form.get('search') ?? '').trim(),
      sector: String(form.get('sector') ?? ''),
      office: String(form.get('office') ?? ''),
      officer: String(form.get('officer') ?? ''),
      reached: String(form.get('reached') ?? '') as Milestone | '',
      notContacted: form.get('notContacted') === 'on',
      orderBy: String(form.get('orderBy') ?? 'ACTIVATION_RATE_ASC') as UnitOrder,
    });
    setCursors([null]);
  }

  const first = (cursors.length - 1) * PAGE + 1;
  return (
    <Panel title={t.unitsTable.title}>
      <form className="filters" onSubmit={apply} aria-label={t.unitsTable.filters}>
        <label>
          {t.unitsTable.search}
          <input
            name="search"
            type="search"
            defaultValue={criteria.search}
            placeholder={t.unitsTable.searchHint}
          />
        </label>
        <label>
          {t.unit.sector}
          <select name="sector" defaultValue={criteria.sector}>
            <option value="">{t.unitsTable.all}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t.unit.sectors[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.unit.office}
          <select name="office" defaultValue={criteria.office}>
            <option value="">{t.unitsTable.all}</option>
            {choices?.offices.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.units.officer}
          <select name="officer" defaultValue={criteria.officer}>
            <option value="">{t.unitsTable.all}</option>
            {choices?.officers
              .filter((o) => o.key !== NO_OFFICER)
              .sort((a, b) => a.label.localeCompare(b.label, 'vi'))
              .map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label} ({o.key})
                </option>
              ))}
          </select>
        </label>
        <label>
          {t.unitsTable.reached}
          <select name="reached" defaultValue={criteria.reached}>
            <option value="">{t.unitsTable.any}</option>
            {MILESTONES.map((m) => (
              <option key={m} value={m}>
                {t.unit.milestones[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__check">
          <input name="notContacted" type="checkbox" defaultChecked={criteria.notContacted} />
          {t.unitsTable.notContacted}
        </label>
        <label>
          {t.unitsTable.orderBy}
          <select name="orderBy" defaultValue={criteria.orderBy}>
            {ORDERS.map((o) => (
              <option key={o} value={o}>
                {t.unitsTable.orders[o]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary">
          {t.unitsTable.apply}
        </button>
      </form>
      <LoadableContent state={state} isEmpty={(units) => units.totalCount === 0}>
        {(units) => (
          <>
            <UnitTable
              label={t.unitsTable.title}
              rows={units.edges.map((e) => e.node)}
              asOf={asOf}
              showSector
              showOfficer
            />
            <p className="pager">
              {t.unitsTable.showing(
                formatInteger(first),
                formatInteger(first + units.edges.length - 1),
                formatInteger(units.totalCount),
              )}{' '}
              {cursors.length > 1 && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setCursors((c) => c.slice(0, -1))}
                >
                  {t.unitsTable.previous}
                </button>
              )}
              {units.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setCursors((c) => [...c, units.pageInfo.endCursor ?? null])}
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
