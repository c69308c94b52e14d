import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Database, GENERIC_PLAN, PLANNED_EACH_TIME } from '../../api/src/db/client.ts';
import { createTestDatabase, onPostgres } from '../helpers/database.ts';

/*
 * On a PostgreSQL server, how each statement is planned (db/client.ts): those marked GENERIC_PLAN on
 * connections that keep one plan per statement, every other one as PostgreSQL chooses.
 */

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const mode = async (db: Database['db'], marker: string) => {
  const [row] = await db.execute<{ mode: string }>(
    sql`${sql.raw(marker)} select current_setting('plan_cache_mode') as mode where ${1} = 1`,
  );
  return row?.mode;
};

test.skipIf(!onPostgres)(
  'a GENERIC_PLAN statement keeps one plan; the others are planned as PostgreSQL chooses',
  async () => {
    expect(await mode(database.db, GENERIC_PLAN)).toBe('force_generic_plan');
    expect(await mode(database.db, '/* plain */')).toBe('auto');
    expect(await mode(database.db, PLANNED_EACH_TIME)).toBe('auto');
    // Several at once: each pool answers its own.
    const modes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => mode(database.db, i % 2 ? GENERIC_PLAN : '/* plain */')),
    );
    expect(modes).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 ? 'force_generic_plan' : 'auto')));
    // In a transaction every statement runs on the transaction's connection, marked or not.
    await database.db.transaction(async (tx) => {
      expect(await mode(tx as unknown as Database['db'], GENERIC_PLAN)).toBe('auto');
    });
  },
);
