import type { FormEvent } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import type { Milestone, UnitOrder } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { fetchAllRows } from '../../lib/fetch-all.ts';
import { formatInteger } from '../../lib/format.ts';
import { parseChoice, parsePage, type Sort, useSortParam, useTableParams } from '../../lib/table-params.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { DownloadButtons } from '../common/DownloadButtons.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { NO_OFFICER, useScopePeople } from '../officers/queries.ts';
import { type UnitSortKey, UnitTable, unitExportColumns } from './UnitTable.tsx';

const PAGE = 25;

const unitsTableDocument = graphql(`
  query UnitsTable(
    $scope: Scope!
    $filter: UnitFilter
    $orderBy: UnitOrder
    $asOf: Date
    $first: Int!
    $offset: Int!
  ) {
    units(scope: $scope, filter: $filter, orderBy: $orderBy, asOf: $asOf, first: $first, offset: $offset) {
      totalCount
      pageInfo {
        hasNextPage
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

/** The server's order for each column it can order by, ascending and descending. */
const ORDERS: Partial<Record<UnitSortKey, [UnitOrder, UnitOrder]>> = {
  code: ['CODE', 'CODE_DESC'],
  name: ['NAME', 'NAME_DESC'],
  sector: ['SECTOR', 'SECTOR_DESC'],
  officer: ['OFFICER', 'OFFICER_DESC'],
  target: ['TARGET_ASC', 'TARGET_DESC'],
  activated: ['ACTIVATED_ASC', 'ACTIVATED_DESC'],
  left: ['NOT_ACTIVATED_ASC', 'NOT_ACTIVATED'],
  rate: ['ACTIVATION_RATE_ASC', 'ACTIVATION_RATE_DESC'],
};
const SORTABLE = Object.keys(ORDERS) as UnitSortKey[];
const LAGGING_FIRST: Sort<UnitSortKey> = { key: 'rate', descending: false };
const COLUMNS = { showSector: true, showOfficer: true, showLeft: true } as const;
/** An office's or an officer's code as the URL may give it; anything else is ignored. */
const CODE = /^[\p{L}\p{N}._-]{1,40}$/u;

/**
 * Every unit of an area, a page at a time: searched without regard to diacritics, filtered by sector,
 * managing office, officer in charge, milestone reached or "not yet contacted", ordered by a column
 * (by the server: the list is paged), each a link to its page. Filters, order and page are in the URL
 * under "u.", so that a reload, the back button and a link show the same page.
 */
export function UnitsTablePanel({
  scope: area,
  asOf,
}: {
  /** The area, in its geography. */
  scope: { areaId: string; geography: string };
  asOf: string | null;
}) {
  const client = useClient();
  const { get, update } = useTableParams('u.');
  const [sort, sortBy] = useSortParam('u.', SORTABLE, LAGGING_FIRST, ['page']);
  const code = (raw: string | null) => (raw && CODE.test(raw) ? raw : '');
  const criteria = {
    search: (get('q') ?? '').trim().slice(0, 100),
    sector: parseChoice(get('sector'), SECTORS, '' as const) as string,
    office: code(get('office')),
    officer: code(get('officer')),
    reached: parseChoice<Milestone | ''>(get('reached'), MILESTONES, ''),
    notContacted: get('nc') === '1',
  };
  const page = parsePage(get('page'), PAGE);
  const [ascending, descending] = ORDERS[sort.key] ?? ['ACTIVATION_RATE_ASC', 'ACTIVATION_RATE_DESC'];
  const variables = {
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
    orderBy: sort.descending ? descending : ascending,
    asOf,
  };
  const state = useLoadable(
    unitsTableDocument,
    { ...variables, first: PAGE, offset: (page - 1) * PAGE },
    (data) => data.units,
  );
  // The offices and officers that have units here, for the choices (the officers panel asks the same).
  const people = useScopePeople(area, asOf);
  const choices = people.status === 'ready' ? people.data : null;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update({
      q: String(form.get('search') ?? '').trim(),
      sector: String(form.get('sector') ?? ''),
      office: String(form.get('office') ?? ''),
      officer: String(form.get('officer') ?? ''),
      reached: String(form.get('reached') ?? ''),
      nc: form.get('notContacted') === 'on' ? '1' : null,
      page: null,
    });
  }

  const goTo = (next: number) => update({ page: next > 1 ? String(next) : null });
  const first = (page - 1) * PAGE + 1;
  return (
    <Panel title={t.unitsTable.title}>
      {/* Keyed by the URL's criteria, so that the back button puts the fields back as well as the rows,
          and by the choices, since a select keeps no value its options did not yet have. */}
      <form
        key={`${JSON.stringify(criteria)} ${choices ? 'with choices' : ''}`}
        className="filters"
        onSubmit={apply}
        aria-label={t.unitsTable.filters}
      >
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
        <button type="submit" className="button button--primary">
          {t.unitsTable.apply}
        </button>
      </form>
      <LoadableContent state={state} isEmpty={(units) => units.totalCount === 0}>
        {(units) => (
          <>
            <DownloadButtons
              spec={{
                what: 'don-vi',
                of: area.areaId,
                asOf,
                sheet: t.unitsTable.title,
                columns: unitExportColumns(COLUMNS),
                rows: () =>
                  fetchAllRows(
                    client,
                    unitsTableDocument,
                    (slice) => ({ ...variables, ...slice }),
                    (data) => ({
                      rows: data.units.edges.map((e) => e.node),
                      totalCount: data.units.totalCount,
                    }),
                  ),
              }}
            />
            <UnitTable
              label={t.unitsTable.title}
              rows={units.edges.map((e) => e.node)}
              asOf={asOf}
              {...COLUMNS}
              sort={sort}
              onSort={sortBy}
              sortable={SORTABLE}
            />
            <p className="pager">
              {units.edges.length > 0
                ? t.unitsTable.showing(
                    formatInteger(first),
                    formatInteger(first + units.edges.length - 1),
                    formatInteger(units.totalCount),
                  )
                : t.unitsTable.pastEnd(formatInteger(units.totalCount))}{' '}
              {page > 1 && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => goTo(units.edges.length > 0 ? page - 1 : 1)}
                >
                  {units.edges.length > 0 ? t.unitsTable.previous : t.unit.firstPage}
                </button>
              )}
              {units.pageInfo.hasNextPage && (
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
