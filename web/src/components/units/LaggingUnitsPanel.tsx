import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatInteger } from '../../lib/format.ts';
import { type Sort, sortRows, useSortParam } from '../../lib/table-params.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
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

const laggingUnitsDocument = graphql(`
  query LaggingUnits($id: ID!, $geography: ID!, $asOf: Date) {
    area(id: $id, geography: $geography) {
      id
      units(orderBy: NOT_ACTIVATED, asOf: $asOf, first: 20) {
        totalCount
        edges {
          node {
            id
            name
            district {
              id
              name
            }
            commune {
              id
              name
            }
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

const COLUMNS = { showPlace: true, showOfficer: true, showLeft: true } as const;
const BY_LEFT: Sort<UnitSortKey> = { key: 'left', descending: true };

/**
 * The area's units with the most insured persons not yet activated on the day (the larger unit first
 * on a tie): where a district head's effort reaches the most people. A rate alone put twenty 0 % units
 * of one to eleven persons ahead of a company of 439. All twenty are on screen, so they sort here.
 */
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
  const [sort, sortBy] = useSortParam('l.', UNIT_SORT_KEYS, BY_LEFT);
  const units = state.status === 'ready' ? state.data : null;
  const title = t.units.mostLeftTitle(
    units?.edges.length ?? 0,
    units ? formatInteger(units.totalCount) : null,
  );
  return (
    <Panel title={title}>
      <p className="panel__note">{t.units.mostLeftNote}</p>
      <LoadableContent state={state} isEmpty={(units) => units.totalCount === 0}>
        {(units) => {
          const rows = sortRows<UnitListRow, UnitSortKey>(
            units.edges.map((e) => e.node),
            sort,
            unitSortValue,
          );
          return (
            <>
              <DownloadButtons
                spec={{
                  what: 'don-vi-cham-nhat',
                  of: scope.areaId,
                  asOf,
                  sheet: title,
                  columns: unitExportColumns(COLUMNS),
                  rows: () => rows,
                }}
              />
              <UnitTable label={title} rows={rows} asOf={asOf} {...COLUMNS} sort={sort} onSort={sortBy} />
            </>
          );
        }}
      </LoadableContent>
    </Panel>
  );
}
