import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createScratchPostgres, onPostgres } from '../helpers/database.ts';
import { runCli } from '../helpers/processes.ts';
import { readWorkbook, sheetTable } from '../helpers/report-files.ts';

/*
 * `pnpm cli report` exactly as the contract writes it, and publish / list / diff / get beside it, run
 * as child processes on a database of their own.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-report-'));
let env: NodeJS.ProcessEnv;
let dropDatabase: (() => Promise<void>) | undefined;
const out = (name: string) => path.join(dataDir, name);

beforeAll(async () => {
  if (onPostgres) {
    const scratch = await createScratchPostgres(process.env.DATABASE_URL as string);
    env = { DATABASE_URL: scratch.url, DATA_DIR: dataDir };
    dropDatabase = scratch.drop;
  } else {
    env = { DATABASE_URL: '', DATA_DIR: dataDir };
  }
  const seeded = await runCli(['seed', '--scale', 'tiny', '--seed', '5'], env);
  expect(seeded.code, seeded.stderr).toBe(0);
}, 300_000);
afterAll(async () => {
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each command is a process that opens the database: on a loaded two-core machine, tens of seconds.
describe('pnpm cli report', { timeout: 300_000 }, () => {
  test('writes the report of an area as of a day, compared with another, in the format asked', async () => {
    const result = await runCli(
      [
        'report',
        '--as-of',
        '2021-09-30',
        '--compare',
        '2021-08-31',
        '--area',
        '568',
        '--format',
        'xlsx',
        '--out',
        out('nt.xlsx'),
      ],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Thành phố Nha Trang as of 30/09/2021 (compared with 31/08/2021)');
    const coverage = await runCli(['coverage', '--area', '568', '--as-of', '2021-09-30'], env);
    const activated = /activated\s+([\d.]+)/.exec(coverage.stdout)?.[1] as string;
    const summary = sheetTable(await readWorkbook(fs.readFileSync(out('nt.xlsx'))), 'Theo xã');
    expect(summary.rows.get('Tổng cộng')?.[summary.header.indexOf('Đã kích hoạt')]?.value).toBe(
      Number(activated.replaceAll('.', '')),
    );
  });

  test('refuses an impossible day, a comparison day after the report’s day and an unknown area, with exit status 1', async () => {
    for (const [args, message] of [
      [['--as-of', '2021-02-30'], '"2021-02-30" is not a real day'],
      [['--as-of', '2021-09-30', '--compare', '2021-10-01'], "is after the report's day"],
      [['--as-of', '2021-09-30', '--area', '999'], 'Area "999" does not exist'],
    ] as const) {
      const result = await runCli(['report', ...args, '--format', 'pdf', '--out', out('x.pdf')], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
    }
    expect(fs.existsSync(out('x.pdf'))).toBe(false);
  });

  test('publish stores the files, list shows them, get gives the same bytes, diff finds nothing changed', async () => {
    const published = await runCli(
      ['report', 'publish', '--as-of', '2021-09-30', '--out-dir', out('pub')],
      env,
    );
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toMatch(
      /^Published 1\/BC-BHXH \(id \d+\): Tỉnh Khánh Hòa as of 30\/09\/2021, compared with 31\/08\/2021/,
    );
    const list = await runCli(['report', 'list'], env);
    expect(list.stdout).toMatch(
      /^1\/BC-BHXH\s+\d{4}\s+issued \d\d\/\d\d\/\d{4}\s+Tỉnh Khánh Hòa .* by .+ \(pnpm cli\)/,
    );
    const got = await runCli(['report', 'get', '1/BC-BHXH', '--format', 'pdf', '--out', out('got.pdf')], env);
    expect(got.code, got.stderr).toBe(0);
    const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(hash(out('got.pdf'))).toBe(hash(out('pub/1-BC-BHXH.pdf')));
    const diff = await runCli(['report', 'diff', '1/BC-BHXH'], env);
    expect(diff.stdout).toContain('No difference');
  });
});
