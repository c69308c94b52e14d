import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeMigratedDump } from './database.ts';

/*
 * Once per `vitest run` on the embedded database: one migrated, empty PGlite database, dumped to a
 * file that every test database then starts from (tests/helpers/database.ts). PGlite's initdb and the
 * migrations take about 1,5 s per database; loading the dump 0,5 s. Each test file runs in a process
 * of its own, so the dump is made here, before any of them, rather than once per file.
 */
export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.DATABASE_URL) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-test-dump-'));
  const file = path.join(dir, 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await (await makeMigratedDump()).arrayBuffer()));
  process.env.VSSID_TEST_DUMP = file;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
