import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { type DatabaseConfig, migrationsFolder } from '../config.ts';
import * as schema from './schema/index.ts';
import { SESSION_BUSY_CODE } from './session-server.ts';

export type Db = PostgresJsDatabase<typeof schema>;

export interface Database {
  db: Db;
  sql: postgres.Sql;
  /** 'embedded' (PGlite) or 'postgres' (a server). */
  kind: 'embedded' | 'postgres';
  /** False when this process reaches an embedded database another process holds. */
  owner: boolean;
  /**
   * Resolves once the database answers `select 1`, on a connection no request waits for (on a server);
   * 'busy' at once while an embedded database's one session is held by a transaction (an import).
   */
  ping(): Promise<'ok' | 'busy'>;
  /** The Unix socket of the embedded database (undefined on a server). */
  socketPath?: string;
  /** The embedded database this process owns, whole, as a tarball (for OpenOptions.loadDataDir). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Connections in the pool; the embedded database runs one query at a time anyway. */
  max?: number;
  /**
   * Called with every SQL statement our code sends, for tests that count statements. The driver's own
   * catalog look-up, which each new pool connection makes once, is left out: it is not the query's.
   */
  onQuery?: (query: string) => void;
  /**
   * On a PostgreSQL server, the longest a statement may run before the server cancels it (the
   * serving pool's deadline per request); none when omitted. Imports lift it on their own connection.
   */
  statementTimeoutMs?: number;
  /**
   * On the embedded database this process owns, the longest a query waits for its one session while a
   * transaction (an import writing) holds it; past it the query fails SQLSTATE 55P03 (isDatabaseBusy).
   * Unbounded when omitted.
   */
  sessionWaitMs?: number;
  /** An in-memory embedded database only: start from this dump (Database.dump) instead of empty. */
  loadDataDir?: Blob;
}

/*
 * Both databases are reached through the same `postgres` driver, so every query, transaction and
 * type parser is exercised identically on PGlite and on PostgreSQL.
 */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const common = {
    max: options.max ?? 10,
    onnotice: () => {},
    // Dates stay "yyyy-mm-dd" strings: a JS Date would shift them by the server's time zone.
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
    debug: options.onQuery
      ? (_conn: number, query: string) => {
          if (!query.includes('pg_catalog.pg_type')) options.onQuery?.(query);
        }
      : undefined,
  };
  if (config.url) {
    const server = {
      ...common,
      // A server that does not answer a connection within 1 s is away: the request fails with 503 then,
      // instead of waiting the driver's default 30 s while the pool's queue grows behind it. A connection
      // here takes milliseconds; 2 s let a request caught by a postmaster starting up (listening, not yet
      // accepting) take 2,2 s, past the 2 s every request is promised during an outage.
      connect_timeout: 1,
      // The driver waits before each new attempt, 3^failures / 100 s up to 20 s, shared by the pool: after
      // an outage of a few seconds every request then hung until the time-out, long after the server was
      // back. A refused connection costs the server nothing, so try again within half a second.
      backoff: (failures: number) => Math.min(0.05 * failures, 0.5),
      ...(options.statementTimeoutMs
        ? { connection: { statement_timeout: options.statementTimeoutMs } }
        : {}),
    };
    // The health check has a connection of its own: behind a busy pool's queue, `select 1` waited past
    // its 2 s and /healthz said 503 while the database was answering.
    const health = postgres(config.url, { ...server, max: 1, debug: undefined });
    // The statements marked GENERIC_PLAN go to connections that keep one plan per statement.
    const generic = postgres(config.url, {
      ...server,
      connection: { ...server.connection, plan_cache_mode: 'force_generic_plan' },
    });
    return wrap(
      postgres(config.url, server),
      'postgres',
      true,
      () => Promise.all([health.end({ timeout: 5 }), generic.end({ timeout: 5 })]).then(() => {}),
      { health, generic },
    );
  }
  // Loaded only for the embedded database: PGlite's module alone is 46 MB of a server's memory.
  const { openEmbedded } = await import('./embedded.ts');
  const embedded = await openEmbedded(config.dataDir, {
    maxWaitMs: options.sessionWaitMs,
    loadDataDir: options.loadDataDir,
  });
  const sql = postgres({
    ...common,
    path: embedded.socketPath,
    user: 'postgres',
    database: 'postgres',
    max: options.max ?? 4,
    // Every connection shares PGlite's one session, so named prepared statements would collide.
    prepare: false,
  });
  const database = wrap(sql, 'embedded', embedded.owner, () => embedded.close());
  return {
    ...database,
    ping: embedded.ping ?? database.ping,
    socketPath: embedded.socketPath,
    dump: embedded.dump,
  };
}

/** The driver and the kind of database under each drizzle database this module opened. */
const pools = new WeakMap<Db, { sql: postgres.Sql; kind: Database['kind'] }>();

/** True when `db` is a pool this module opened (not a transaction or a reserved connection). */
export function isPool(db: unknown): boolean {
  return pools.has(db as Db);
}

/** True when `db` is a PostgreSQL server, false on the embedded database (PGlite). */
export function isServer(db: Db): boolean {
  return pools.get(db)?.kind === 'postgres';
}

/**
 * Statements that must share a session: the temporary tables, settings and session-level locks one
 * of them leaves are there for the next, and each runs on its own (autocommitted) unless inside
 * `transaction`. On a PostgreSQL server that is one connection of the pool, reserved until
 * `release`; whatever the caller leaves on it is its own to undo before. On PGlite, whose one session
 * every connection shares, it is the pool itself: no connection is kept from the others, and since a
 * connection holds the session only for its statement or transaction (session-server.ts), other
 * queries are answered between these.
 */
export interface ReservedSession {
  /** On the embedded database, its `execute` statements are asked again when refused busy (`whenServed`). */
  db: Db;
  /** True on a PostgreSQL server. */
  server: boolean;
  /** The reserved connection on a PostgreSQL server, for COPY FROM STDIN; null on PGlite. */
  copyClient: postgres.Sql | null;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. On the
   * embedded database it waits for a session held past the wait allowed, as `whenServed`.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `fn`, statements outside a transaction, and on the embedded database runs it again for as
   * long as it is refused because another connection's transaction (another import writing) held the
   * session past the wait the server allows (sessionWaitMs): the session server refuses a statement
   * before running it, so asking again is safe, and an import must not fail for someone else's write.
   */
  whenServed<T>(fn: () => Promise<T>): Promise<T>;
  release(): void;
}

/** Pause before a statement refused for a busy embedded session is asked again. */
const BUSY_RETRY_MS = 100;

async function untilServed<T>(fn: () => Promise<T>, retry: () => boolean = () => true): Promise<T> {
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (!isDatabaseBusy(error) || !retry()) throw error;
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    }
  }
}

export async function reserveSession(db: Db): Promise<ReservedSession> {
  const pool = pools.get(db);
  if (!pool) throw new Error('reserveSession: not a database opened by openDatabase');
  if (pool.kind === 'embedded') {
    const patient = new Proxy(db, {
      get: (target, property, receiver) =>
        property === 'execute'
          ? (query: Parameters<Db['execute']>[0]) => untilServed(() => target.execute(query))
          : Reflect.get(target, property, receiver),
    });
    return {
      db: patient,
      server: false,
      copyClient: null,
      // Asked again only when its begin was refused: once begun, the session is this transaction's.
      transaction: (fn) => {
        let begun = false;
        return untilServed(
          () =>
            db.transaction((tx) => {
              begun = true;
              // drizzle's transaction object runs the same statements as a database.
              return fn(tx as unknown as Db);
            }),
          () => !begun,
        );
      },
      whenServed: (fn) => untilServed(fn),
      release: () => {},
    };
  }
  const connection = await pool.sql.reserve();
  // drizzle reads the driver's options (type parsers), which a reserved connection shares with its
  // pool but does not carry itself.
  const reserved = drizzle(Object.assign(connection, { options: pool.sql.options }), { schema });
  return {
    db: reserved,
    server: true,
    copyClient: connection,
    // The driver's begin() takes a connection of the pool; a reserved one has none, so the
    // transaction is spelled out.
    async transaction(fn) {
      await connection.unsafe('begin');
      try {
        const result = await fn(reserved);
        await connection.unsafe('commit');
        return result;
      } catch (error) {
        await connection.unsafe('rollback').catch(() => {});
        throw error;
      }
    },
    whenServed: (fn) => fn(),
    release: () => connection.release(),
  };
}

function wrap(
  sql: postgres.Sql,
  kind: Database['kind'],
  owner: boolean,
  closeBackend: () => Promise<void>,
  /** On a server: the health check's connection, and the pool for GENERIC_PLAN statements. */
  server?: { health: postgres.Sql; generic: postgres.Sql },
): Database {
  const db = drizzle(server ? preparing(sql, server.generic) : sql, { schema });
  const health = server?.health ?? sql;
  pools.set(db, { sql, kind });
  return {
    db,
    sql,
    kind,
    owner,
    async ping() {
      await health`select 1`;
      return 'ok' as const;
    },
    async close() {
      await sql.end({ timeout: 5 });
      await closeBackend();
    },
  };
}

/**
 * Marks a statement whose best plan depends on its parameters: the units of one area are 30 for a
 * commune and 8.000 for the province. A prepared statement is planned for its parameters five times,
 * then PostgreSQL may keep one generic plan, estimated for an average area (195 units: a lookup per
 * unit where the province wants a hash join, 40 ms instead of 30). Sent unnamed, it is planned each
 * time (about 1 ms).
 */
export const PLANNED_EACH_TIME = '/* planned each time */';

/**
 * Marks a statement whose best plan is the same whatever its parameters: seeks by key in the area
 * rollups. PostgreSQL plans a prepared statement for its parameters each time as long as that
 * plan's estimate beats the generic one's, and for a day the estimate always does (it knows how many
 * rows lie before that day, where the generic plan guesses a third): the district question spent as
 * long planning as running (0,55 ms of 1,1). On a server these statements run on connections with
 * `plan_cache_mode = force_generic_plan`, planned once per connection; in a transaction they run on
 * its connection, planned as any other.
 */
export const GENERIC_PLAN = '/* generic plan */';

/**
 * The driver as drizzle should call it on a server: drizzle sends each statement unnamed (parsed and
 * planned afresh every time) unless the code names it; the driver names and keeps every statement per
 * connection when asked (`prepare`), so the same question costs only Bind and Execute the next time.
 * The driver's connections are replaced after 30–60 minutes, which bounds what each one keeps.
 */
function preparing(sql: postgres.Sql, generic: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property !== 'unsafe') return Reflect.get(target, property, receiver);
      return (
        query: string,
        params?: postgres.ParameterOrJSON<never>[],
        options?: postgres.UnsafeQueryOptions,
      ) =>
        query.includes(GENERIC_PLAN)
          ? // Named even without parameters, which the driver would otherwise send as a simple query
            // (parsed and planned each time): a marked statement is one statement, so it may be.
            generic.unsafe(query, params, {
              ...options,
              prepare: true,
              simple: false,
            } as postgres.UnsafeQueryOptions)
          : target.unsafe(query, params, { ...options, prepare: !query.includes(PLANNED_EACH_TIME) });
    },
  });
}

export async function migrateDatabase(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder });
}

/*
 * The `postgres` driver's codes when the database cannot be reached or went away mid-query, and the
 * server's own "shutting down / starting up" states: the caller may try again shortly.
 */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

/** The codes of an error and of what caused it (the driver's error under drizzle's and GraphQL's). */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    e =
      (e as { cause?: unknown; originalError?: unknown }).cause ??
      (e as { originalError?: unknown }).originalError;
  }
  return codes;
}

/**
 * True when a query gave up waiting: for the embedded database's session held by an import's
 * transaction (session-server.ts), or for a lock on a server.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return codesOf(error).includes(SESSION_BUSY_CODE);
}

/** True when the server cancelled a statement that ran past the statement timeout. */
export function isStatementTimeout(error: unknown): boolean {
  return codesOf(error).includes('57014');
}

/** True when `error` (or what caused it) says the database is away rather than the query wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return codesOf(error).some((code) => UNAVAILABLE.has(code));
}
