import { databaseConfigFromEnv } from '../config.ts';
import { type Database, migrateDatabase, openDatabase } from '../db/client.ts';
import { loadReferenceIfEmpty } from '../reference/load.ts';

/** A mistake of the operator's: printed as it is, without a stack. */
export class UserError extends Error {}

/** Opens the database as `pnpm start` would (through the server's socket if it runs), migrated. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseConfigFromEnv(), { max: 2 });
  try {
    await migrateDatabase(database);
    await loadReferenceIfEmpty(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}
