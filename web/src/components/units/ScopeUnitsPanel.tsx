import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatInteger } from '../../lib/format.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { type Sort, sortRows, useSortParam } from '../../lib/table-params.ts';
import { DownloadButtons } from '../common/DownloadButtons.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import {
  UNIT_SORT_KEYS,
  type UnitListRow,
  type UnitSortKey,
  UnitTable,
  unitExportColumns,
  unitSortValue,
} from './UnitTable.tsx';

/**
 * The units of a scope as an officer's or an office's page lists them (the page's query asks for them
 * laggards first, a page's worth at most): each with its sector and its activated out of its persons.
 */
const scopeUnitsFields = graphql(`
  fragment ScopeUnitsFields on UnitConnection {
    totalCount
    edges {
      node {
        id
        name
        sector
        coverage(asOf: $asOf) {
          target
          activated
          activationRate
        }
      }
    }
  }
`);

export type ScopeUnitsRef = FragmentType<typeof scopeUnitsFields>;

/** As the page's query asks for them: the laggards first. */
const LAGGING_FIRST: Sort<UnitSortKey> = { key: 'rate', descending: false };
const COLUMNS = { showSector: true } as const;

/** What the downloaded file is named after: "don-vi" of an officer's or an office's code. */
interface FileOf {
  what: string;
  of: string;
}

/** The panel of those units, with how many more there are when the list stops short of them all. */
export function ScopeUnitsPanel({
  title,
  empty,
  state,
  asOf,
  file,
}: {
  title: string;
  /** What the panel says when the scope has no unit. */
  empty: string;
  state: Loadable<ScopeUnitsRef | null>;
  asOf: string | null;
  file: FileOf;
}) {
  return (
    <Panel title={title}>
      <LoadableContent state={state}>
        {(units) => <ScopeUnits units={units} title={title} empty={empty} asOf={asOf} file={file} />}
      </LoadableContent>
    </Panel>
  );
}

function ScopeUnits(props: {
  units: ScopeUnitsRef;
  title: string;
  empty: string;
  asOf: string | null;
  file: FileOf;
}) {
  const units = useFragment(scopeUnitsFields, props.units);
  // Every unit the page asked for is on screen, so they are ordered here.
  const [sort, sortBy] = useSortParam('u.', UNIT_SORT_KEYS, LAGGING_FIRST);
  if (units.totalCount === 0) return <p className="state-message">{props.empty}</p>;
  const rows = sortRows<UnitListRow, UnitSortKey>(
    units.edges.map((e) => e.node),
    sort,
    unitSortValue,
  );
  return (
    <>
      <DownloadButtons
        spec={{
          ...props.file,
          asOf: props.asOf,
          sheet: props.title,
          columns: unitExportColumns(COLUMNS),
          rows: () => rows,
        }}
      />
      <UnitTable
        label={props.title}
        rows={rows}
        asOf={props.asOf}
        {...COLUMNS}
        activatedOutOfTarget
        sort={sort}
        onSort={sortBy}
      />
      {units.totalCount > units.edges.length && (
        <p className="pager">
          {t.officerPage.unitsLimit(formatInteger(units.edges.length), formatInteger(units.totalCount))}
        </p>
      )}
    </>
  );
}
