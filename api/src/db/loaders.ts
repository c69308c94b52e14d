import DataLoader from 'dataloader';

/*
 * The shapes of batching the query modules build their loaders from. Each loader gathers the loads of
 * one field over every parent of a request (every district's coverage, every unit's officer) into one
 * statement; a request's context assembles them (context.ts).
 */

/** The row of each key, or undefined when there is none: one statement for all the keys asked. */
export function oneOfEach<Row, Key = number>(
  fetch: (keys: readonly Key[]) => Promise<readonly Row[]>,
  keyOf: (row: Row) => Key,
): DataLoader<Key, Row | undefined> {
  return new DataLoader(async (keys) => {
    const rows = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => rows.get(key));
  });
}

/**
 * The rows of each parent, in the order the statement returns them (empty when it has none): `fetch`
 * reads the rows of all the parents asked at once and `parentOf` tells whose each row is.
 */
export function rowsOfEachParent<Row, Key = number>(
  fetch: (parents: readonly Key[]) => Promise<readonly Row[]>,
  parentOf: (row: Row) => Key,
): DataLoader<Key, Row[]> {
  return new DataLoader(async (parents) => {
    const byParent = new Map<Key, Row[]>(parents.map((parent) => [parent, []]));
    for (const row of await fetch(parents)) byParent.get(parentOf(row))?.push(row);
    return parents.map((parent) => byParent.get(parent) ?? []);
  });
}

/** A parent (an area, unit, officer…) and the arguments its field was asked with (a day, a period, a page). */
export type ParentKey<Args> = readonly [parent: number, args: Args];

/**
 * A value of each parent under arguments: the keys that differ only by their parent share one
 * statement, so a field of a list costs one statement whatever the number of parents (and two when
 * the request asks it for two days). `missing` answers for a parent `fetch` gave nothing for.
 */
export function byArguments<Args extends object, Value>(
  fetch: (parents: number[], args: Args) => Promise<Map<number, Value>>,
  missing: (parent: number, args: Args) => Value | Error,
): DataLoader<ParentKey<Args>, Value, string> {
  return new DataLoader<ParentKey<Args>, Value, string>(
    async (keys) => {
      const groups = new Map<string, { args: Args; parents: number[] }>();
      for (const [parent, args] of keys) {
        const group = stableKey(args);
        const found = groups.get(group) ?? { args, parents: [] };
        found.parents.push(parent);
        groups.set(group, found);
      }
      const values = new Map<string, Map<number, Value>>();
      for (const [group, { args, parents }] of groups) values.set(group, await fetch(parents, args));
      return keys.map(([parent, args]) => {
        const ofGroup = values.get(stableKey(args));
        return ofGroup?.has(parent) ? (ofGroup.get(parent) as Value) : missing(parent, args);
      });
    },
    { cacheKeyFn: stableKey },
  );
}

/** The same text for equal keys whatever the order their properties were written in. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_name, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
