import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeMigratedDump } from './database.ts';
import { dropDemoTemplate } from './demo-template.ts';

/*
 * On PostgreSQL, the run's name for the browser tests' shared demo database (demo-template.ts).
 * Once per `vitest run` on the embedded database: one migrated, empty PGlite database, dumped to a
 * file that every test database then starts from (tests/helpers/database.ts). PGlite's initdb and the
 * migrations take about 1,5 s per database; loading the dump 0,5 s. Each test file runs in a process
 * of its own, so the dump is made here, before any of them, rather than once per file.
 */
export default async function setup(): Promise<(() => void | Promise<void>) | undefined> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    // On PostgreSQL: a name for this run, under which the browser tests share one seeded database.
    const run = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-test-run-'));
    process.env.VSSID_TEST_RUN = run;
    return async () => {
      await dropDemoTemplate(serverUrl, run);
      fs.rmSync(run, { recursive: true, force: true });
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-test-dump-'));
  const file = path.join(dir, 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await (await makeMigratedDump()).arrayBuffer()));
  process.env.VSSID_TEST_DUMP = file;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
