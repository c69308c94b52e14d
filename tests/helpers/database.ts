import { randomBytes } from 'node:crypto';
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
    const database = await openDatabase({ dataDir: 'memory://' }, options);
    await migrateDatabase(database);
    return database;
  }
  const scratch = await createScratchPostgres(serverUrl);
  const database = await openDatabase({ url: scratch.url, dataDir: '' }, options);
  await migrateDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** A new, empty database on the server of `serverUrl`, with its URL and a way to drop it. */
export async function createScratchPostgres(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vssid_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
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
