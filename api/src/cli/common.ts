import fs from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { databaseConfigFromEnv } from '../config.ts';
import { type Database, migrateDatabase, openDatabase } from '../db/client.ts';
import { parseUserDate } from '../lib/dates.ts';
import { addShippedGeographies } from '../reference/geographies.ts';
import { loadReferenceIfEmpty } from '../reference/load.ts';

/** A mistake of the operator's: printed as it is, without a stack. */
export class UserError extends Error {}

/** Opens the database as `pnpm start` would (through the server's socket if it runs), migrated. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseConfigFromEnv(), { max: 2 });
  try {
    await migrateDatabase(database);
    await loadReferenceIfEmpty(database.db);
    await addShippedGeographies(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

/** A day option: "yyyy-mm-dd" or "dd/mm/yyyy", a real calendar day (not 2021-02-30). */
export function dateOption(value: string): string {
  const parsed = parseUserDate(value);
  if (!parsed) throw new InvalidArgumentError(`"${value}" is not a real day (yyyy-mm-dd or dd/mm/yyyy).`);
  return parsed;
}

/** A file the operator named, or a UserError that says why it cannot be read. */
export function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new UserError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}
