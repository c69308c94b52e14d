import { sql } from 'drizzle-orm';
import { EVERYTHING } from './auth/reach.ts';
import type { Database } from './db/client.ts';
import { migrateDatabase } from './db/client.ts';
import { setGoal } from './db/queries/goals.ts';
import { failInterruptedImports } from './imports/run.ts';
import { addShippedGeographies } from './reference/geographies.ts';
import { loadReferenceIfEmpty } from './reference/load.ts';
import { createDemoAccounts } from './seed/accounts.ts';
import type { Scale } from './seed/scales.ts';

/**
 * What `pnpm start` does before serving: migrate, load the reference areas into an empty database,
 * and seed the demo data set when there are no units yet. Prints what it did and how long it took.
 */
export async function prepareDatabase(
  database: Database,
  log: (line: string) => void,
  demo: { scale: Scale; seed: number } = { scale: 'demo', seed: 1 },
): Promise<void> {
  let started = performance.now();
  await migrateDatabase(database);
  log(`Database migrated (${database.kind}) in ${Math.round(performance.now() - started)} ms`);
  const interrupted = await failInterruptedImports(database.db);
  if (interrupted > 0)
    log(
      `Marked ${interrupted} import(s) FAILED that stopped before they finished (nothing of them was written)`,
    );
  started = performance.now();
  if (await loadReferenceIfEmpty(database.db)) {
    log(`Loaded the reference areas of Khánh Hòa (2021) in ${Math.round(performance.now() - started)} ms`);
  }
  const maps = performance.now();
  const added = await addShippedGeographies(database.db);
  if (added.length > 0)
    log(
      `Added the later maps of Khánh Hòa (${added.join(', ')}) in ${Math.round(performance.now() - maps)} ms`,
    );
  const [row] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from units`);
  if ((row?.n ?? 0) === 0) {
    log(`The database has no units: seeding the ${demo.scale} data set (seed ${demo.seed})…`);
    // The generator is loaded only to seed: every later start (and every command) goes without it.
    const { seedDatabase } = await import('./seed/load.ts');
    const result = await seedDatabase(database.db, demo);
    log(
      `Seeded ${result.units.toLocaleString('vi-VN')} units, ${result.persons.toLocaleString('vi-VN')} persons, ` +
        `${result.steps.toLocaleString('vi-VN')} steps in ${(result.milliseconds / 1000).toFixed(1)} s`,
    );
    const [province] = await database.db.execute<{ id: number }>(
      sql`select id from areas where parent_id is null and geography_id = (select id from geographies order by valid_from limit 1)`,
    );
    if (province) {
      // A goal to measure against, as leadership would set one; the demo's rollout is that of 2021.
      await setGoal(database.db, {
        areaId: province.id,
        rate: 0.8,
        deadline: '2021-12-31',
        reach: EVERYTHING,
      });
      log('Demo goal: 80 % of insured persons activated by 31/12/2021 (pnpm cli goal set changes it)');
    }
    const accounts = await createDemoAccounts(database.db);
    log(
      'Demo accounts, one per role, all with the password below (shown only now; it is not stored in clear):',
    );
    for (const account of accounts.accounts)
      log(`  ${account.username.padEnd(10)} ${account.role.padEnd(9)} ${account.reach}`);
    log(`  password: ${accounts.password}`);
    log('For real use, create your own administrator and disable the demo accounts:');
    log("  printf '%s' 'a long password' | pnpm cli user add <username> --role ADMIN --password-stdin");
  }
  const [users] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
  if ((users?.n ?? 0) === 0) {
    log('No account exists yet: nobody can sign in. Create the first administrator with');
    log("  printf '%s' 'a long password' | pnpm cli user add admin --role ADMIN --password-stdin");
  }
}
