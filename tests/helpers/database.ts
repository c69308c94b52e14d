import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type Database, migrateDatabase, type OpenOptions, openDatabase } from '../../api/src/db/client.ts';

/** Which database the suite runs on: PostgreSQL when DATABASE_URL is set, else the embedded one. */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A migrated, empty database of the test's own: an in-memory PGlite, or a fresh database created on
 * the PostgreSQL server named by DATABASE_URL and dropped again on close, so runs never collide.
 */
export async function createTestDatabase(options: OpenOptions = {}): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase(
      { dataDir: 'memory://' },
      { ...options, loadDataDir: await migratedDump() },
    );
    // Already migrated: this checks it, as a test that changes the migrations would want.
    await migrateDatabase(database);
    return database;
  }
  const scratch = await createScratchPostgres(serverUrl);
  // Migrated without the options: a short statement timeout meant for the test's questions would
  // otherwise stop a migration's CREATE INDEX on a busy CI machine.
  const plain = await openDatabase({ url: scratch.url, dataDir: '' });
  await migrateDatabase(plain);
  await plain.close();
  const database = await openDatabase({ url: scratch.url, dataDir: '' }, options);
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

let dump: Promise<Blob> | undefined;

/**
 * The migrated, empty embedded database every test database starts from: the file global-setup.ts
 * wrote for this run, or (a test run without it) one made here, once per test process.
 */
function migratedDump(): Promise<Blob> {
  dump ??= (async () => {
    const file = process.env.VSSID_TEST_DUMP;
    return file && fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : makeMigratedDump();
  })();
  return dump;
}

/** A migrated, empty in-memory database, dumped whole (PGlite's dumpDataDir). */
export async function makeMigratedDump(): Promise<Blob> {
  const template = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrateDatabase(template);
    return await (template.dump as () => Promise<Blob>)();
  } finally {
    await template.close();
  }
}

/**
 * A new database on the server of `serverUrl`, empty or a copy of `template` (no one may be connected
 * to it), with its URL and a way to drop it.
 */
export async function createScratchPostgres(
  serverUrl: string,
  { template }: { template?: string } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vssid_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * A driver pool of its own on an embedded database's Unix socket, as a second process (`pnpm cli`
 * beside the server) would connect: one connection, no named prepared statements.
 */
export function connectToSocket(socketPath: string | undefined): postgres.Sql {
  return postgres({
    path: socketPath,
    user: 'postgres',
    database: 'postgres',
    prepare: false,
    max: 1,
    onnotice: () => {},
  });
}

/**
 * Locks a table away (ACCESS EXCLUSIVE) in a transaction of its own until `release`: a request that
 * reads it then waits, as behind a slow writer (on the embedded database, behind its one session).
 */
export async function holdTable(database: Database, table: string): Promise<{ release(): Promise<void> }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holder = database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`lock table ${table} in access exclusive mode`));
    locked();
    await released;
  });
  await isLocked;
  return {
    async release() {
      release();
      await holder;
    },
  };
}

/** The id of the first geography (the one the hand-made and demo data sets are recorded in). */
export async function firstGeographyId(db: Pick<Database['db'], 'execute'>): Promise<number> {
  const [row] = await db.execute<{ id: number }>(sql`select id from geographies order by valid_from limit 1`);
  return (row as { id: number }).id;
}
