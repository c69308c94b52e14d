import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/*
 * A table's filters, search, order and page live in the query string, so that a reload, the back
 * button and a link sent to a colleague all show the same rows. Each table's params carry a short
 * prefix ("u.sort", "l.sort") because a page holds several tables; the page's own params (asOf, geo)
 * are left as they are. What the URL gives is checked and falls back to the default, never trusted.
 */

/** A column to order by, and which way. */
export interface Sort<K extends string = string> {
  key: K;
  descending: boolean;
}

/** `name` ascending, `-name` descending; anything else is the fallback. */
export function parseSort<K extends string>(
  raw: string | null,
  keys: readonly K[],
  fallback: Sort<K>,
): Sort<K> {
  if (!raw) return fallback;
  const descending = raw.startsWith('-');
  const key = (descending ? raw.slice(1) : raw) as K;
  return keys.includes(key) ? { key, descending } : fallback;
}

function writeSort(sort: Sort): string {
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

/** The sort a click on a column's header asks for: the other way on the same column, else ascending. */
export function nextSort<K extends string>(current: Sort<K>, key: K): Sort<K> {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: false };
}

/** The API's largest `offset` (api/src/resolvers/pagination.ts). */
const MAX_OFFSET = 1_000_000;

/**
 * A positive page number from the URL (1 for nonsense), of pages of `size` rows: a page past the
 * API's largest offset is nonsense too, not a refusal to show.
 */
export function parsePage(raw: string | null, size: number): number {
  const max = Math.floor(MAX_OFFSET / size) + 1;
  if (!raw || !/^\d{1,6}$/.test(raw)) return 1;
  const page = Number(raw);
  return page >= 1 && page <= max ? page : 1;
}

/** One of `allowed`, else the fallback. */
export function parseChoice<V extends string>(raw: string | null, allowed: readonly V[], fallback: V): V {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as V) : fallback;
}

/**
 * The params of one table: `get(name)` reads `prefix + name`; `update` sets several at once (null or
 * '' removes one, so a table in its default state adds nothing to the link), in a new history entry
 * so that the back button returns to the previous state.
 */
export function useTableParams(prefix: string) {
  const [params, setParams] = useSearchParams();
  const get = useCallback((name: string) => params.get(prefix + name), [params, prefix]);
  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(prefix + name);
          else next.set(prefix + name, value);
        }
        return next;
      }),
    [setParams, prefix],
  );
  return { get, update };
}

const NO_RESET: readonly string[] = [];

/**
 * A table's order from `${prefix}sort`, and the function a header calls to change it; `reset` names
 * params to clear at the same time (the page: a new order starts at its first page).
 */
export function useSortParam<K extends string>(
  prefix: string,
  keys: readonly K[],
  fallback: Sort<K>,
  reset: readonly string[] = NO_RESET,
): [Sort<K>, (key: K) => void] {
  const { get, update } = useTableParams(prefix);
  const sort = parseSort(get('sort'), keys, fallback);
  const sortBy = useCallback(
    (key: K) => {
      const next = nextSort(sort, key);
      const isDefault = next.key === fallback.key && next.descending === fallback.descending;
      update({
        sort: isDefault ? null : writeSort(next),
        ...Object.fromEntries(reset.map((r) => [r, null])),
      });
    },
    [sort, fallback.key, fallback.descending, update, reset],
  );
  return [sort, sortBy];
}

/** A value a column is ordered by: text in Vietnamese alphabetical order, numbers, missing ones last. */
export type SortValue = string | number | null | undefined;

/** The rows in the order asked, for a table whose rows are all on screen; ties keep their order. */
export function sortRows<Row, K extends string>(
  rows: readonly Row[],
  sort: Sort<K>,
  sortValue: (row: Row, key: K) => SortValue,
): Row[] {
  const collator = new Intl.Collator('vi', { numeric: true });
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, sort.key) }))
    .sort((a, b) => {
      const missingA = a.value === null || a.value === undefined;
      const missingB = b.value === null || b.value === undefined;
      if (missingA || missingB) return missingA === missingB ? a.index - b.index : missingA ? 1 : -1;
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : collator.compare(String(a.value), String(b.value));
      return order * sign || a.index - b.index;
    })
    .map((entry) => entry.row);
}
