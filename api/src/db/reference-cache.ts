import { AsyncLocalStorage } from 'node:async_hooks';
import { type Db, isPool } from './client.ts';

/*
 * Reference data (geographies, root areas, which levels a geography has) read once per value of the
 * database's `data` counter instead of once per request: it changes only when a geography or area is
 * written, which bumps the counter. A request carries the counter it read (db/versions.ts) in async
 * context, set by the server once the body is parsed; code run outside a request (the CLI, tests
 * calling the data layer) carries none and reads the database every time.
 */

const requestVersion = new AsyncLocalStorage<{ version: number; shared: boolean }>();

/** Runs `fn` (and everything it starts) as a request that read the `data` counter `version`. */
export function withDataVersion<T>(version: number, fn: () => T): T {
  return requestVersion.run({ version, shared: true }, fn);
}

/**
 * For the rest of the request, reads the database every time: a mutation may write what it reads
 * next, and must not then get what it read before its own write.
 */
export function stopSharingReference(): void {
  const store = requestVersion.getStore();
  if (store) store.shared = false;
}

/** Entries kept per database at most; the province has 3 geographies and a handful of keys each. */
const MAX_ENTRIES = 1_000;

const stores = new WeakMap<Db, { version: number; values: Map<string, Promise<unknown>> }>();

/** `load()`, or what it gave under the same counter for the same key, for a request carrying a counter. */
export function cachedReference<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  const request = requestVersion.getStore();
  // Inside a transaction (`db` is then not the pool) a read must see the transaction's own writes.
  if (!request?.shared || !isPool(db)) return load();
  const { version } = request;
  let store = stores.get(db);
  if (!store || store.version < version) {
    store = { version, values: new Map() };
    stores.set(db, store);
  }
  // A request that read an older counter than another already did: its answer may not be shared.
  if (store.version !== version) return load();
  const found = store.values.get(key) as Promise<T> | undefined;
  if (found) return found;
  if (store.values.size >= MAX_ENTRIES) store.values.clear();
  const loaded = load();
  const values = store.values;
  values.set(key, loaded);
  // A failed read is not kept: the next request asks again.
  loaded.catch(() => values.delete(key));
  return loaded;
}
