import { t } from '../../i18n/index.ts';
import type { Sort } from '../../lib/table-params.ts';

/**
 * A column heading that orders the table: a button (click, Enter or Space), and `aria-sort` on the
 * heading cell so that a screen reader says which column orders the rows and which way.
 */
export function SortHeader<K extends string>({
  label,
  sortKey,
  sort,
  onSort,
  numeric,
}: {
  label: string;
  sortKey: K;
  sort: Sort<K>;
  onSort: (key: K) => void;
  numeric?: boolean;
}) {
  const active = sort.key === sortKey;
  const direction = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={direction}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(sortKey)}
        title={active && !sort.descending ? t.table.sortDescending : t.table.sortAscending}
      >
        {label}
        <span className="sort-button__mark" aria-hidden="true">
          {active ? (sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}
