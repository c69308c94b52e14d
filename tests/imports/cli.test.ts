import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { prepareDatabase } from '../../api/src/bootstrap.ts';
import { databaseConfigFromEnv } from '../../api/src/config.ts';
import { openDatabase } from '../../api/src/db/client.ts';
import { createScratchPostgres, onPostgres } from '../helpers/database.ts';
import { repoRoot, runCli } from '../helpers/processes.ts';

/*
 * `pnpm cli import` and `pnpm cli template` as an operator runs them: what they print, their exit
 * status, and a process killed in the middle of an import leaving the database exactly as it was.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-imports-'));
let env: NodeJS.ProcessEnv;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (onPostgres) {
    const scratch = await createScratchPostgres(process.env.DATABASE_URL as string);
    env = { DATABASE_URL: scratch.url, DATA_DIR: path.join(dir, 'data') };
    dropDatabase = scratch.drop;
  } else {
    env = { DATABASE_URL: '', DATA_DIR: path.join(dir, 'data') };
  }
  const seeded = await runCli(['seed', '--scale', 'tiny'], env);
  expect(seeded.code, seeded.stderr).toBe(0);
});
afterAll(async () => {
  await dropDatabase?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

/** What the database holds, in figures that any write would change. */
async function fingerprint(): Promise<Record<string, unknown>> {
  const database = await openDatabase(databaseConfigFromEnv({ ...process.env, ...env }), { max: 1 });
  try {
    const [row] = await database.sql`
      select (select count(*)::int from persons) as persons,
        (select count(*)::int from person_steps) as steps,
        (select count(*)::int from units) as units,
        (select coalesce(sum(persons), 0)::int from unit_totals) as target,
        (select coalesce(sum(activated), 0)::int from area_daily) as activated,
        (select count(*)::int from imports where outcome <> 'RUNNING') as imports,
        (select md5(string_agg(social_insurance_code || full_name || unit_id, ',' order by id)) from persons) as digest`;
    return row as Record<string, unknown>;
  } finally {
    await database.close();
  }
}

async function lastImport(): Promise<Record<string, unknown> | undefined> {
  const database = await openDatabase(databaseConfigFromEnv({ ...process.env, ...env }), { max: 1 });
  try {
    const [row] = await database.sql`
      select id, file_name, outcome::text as outcome, problems from imports order by id desc limit 1`;
    return row;
  } finally {
    await database.close();
  }
}

async function someSocialInsuranceCodes(n: number): Promise<string[]> {
  const database = await openDatabase(databaseConfigFromEnv({ ...process.env, ...env }), { max: 1 });
  try {
    const rows = await database.sql<{ code: string }[]>`
      select social_insurance_code as code from persons order by id limit ${n}`;
    return rows.map((r) => r.code);
  } finally {
    await database.close();
  }
}

describe('pnpm cli import', () => {
  test('lists every invalid row as "row N, column C: …", writes nothing and exits 1', async () => {
    const [a, b] = await someSocialInsuranceCodes(2);
    const steps = file(
      'steps-bad.csv',
      `social_insurance_code,step,date\r\n${a},ACTIVATED,2021-05-01\r\n${b},DONE,2021-05-01\r\n${b},REGISTERED,31/02/2021\r\n`,
    );
    const before = await fingerprint();
    const run = await runCli(['import', 'steps', steps], env);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContain(
      'row 3, column step: "DONE" is not one of REGISTERED, APPROVED, ACTIVATED, FORM_SIGNED, VERIFIED',
    );
    expect(lines).toContain('row 4, column date: "31/02/2021" is not a real day (yyyy-mm-dd or dd/mm/yyyy)');
    expect(run.stdout).toMatch(/Rejected, nothing written: 2 invalid rows\. A file is all or nothing/);
    expect(await fingerprint()).toEqual({ ...before, imports: (before.imports as number) + 1 });

    const skipped = await runCli(['import', 'steps', steps, '--skip-invalid'], env);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(
      /Applied: [01] new, [01] updated, [01] unchanged; 2 invalid rows skipped(; 1 warning)?\./,
    );
  });

  test('--dry-run reports what would change and exits 0; the same file again is recognised', async () => {
    const unit = await firstUnitCode();
    const persons = file('persons.csv', `mã số bhxh,họ và tên,mã đơn vị\n7000000001,Đinh Văn Mới,${unit}\n`);
    const before = await fingerprint();
    const dry = await runCli(['import', 'persons', persons, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run, nothing written: would write 1 new, 0 updated, 0 unchanged.');
    expect(await fingerprint()).toEqual({ ...before, imports: (before.imports as number) + 1 });

    const applied = await runCli(['import', 'persons', persons], env);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Applied: 1 new, 0 updated, 0 unchanged.');
    const again = await runCli(['import', 'persons', persons], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /This file was already imported on \d\d\/\d\d\/\d{4} \d\d:\d\d by .+ \(import #\d+\); importing it again changes nothing\./,
    );
    expect(again.stdout).toContain('Applied: 0 new, 0 updated, 1 unchanged.');
  });

  test('a file that is not UTF-8 is refused with how to name its encoding', async () => {
    const bytes = Buffer.concat([
      Buffer.from('social_insurance_code,full_name,unit_code\n7000000002,'),
      Buffer.from([0x81, 0x8d]),
      Buffer.from(',X\n'),
    ]);
    const run = await runCli(['import', 'persons', file('latin.csv', bytes)], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/The file is not UTF-8 .*--encoding windows-1258/);
  });

  test('template writes the header row as CSV or as a workbook that imports as an empty file', async () => {
    const csvTemplate = await runCli(['template', 'persons'], env);
    expect(csvTemplate.stdout).toBe(
      'social_insurance_code,full_name,unit_code,birth_date,gender,id_number,phone\r\n',
    );
    const out = path.join(dir, 'steps.xlsx');
    const xlsx = await runCli(['template', 'steps', '--format', 'xlsx', '--out', out], env);
    expect(xlsx.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets[0]?.getRow(1).values).toEqual([
      undefined,
      'social_insurance_code',
      'step',
      'date',
    ]);
    const run = await runCli(['import', 'steps', out, '--dry-run'], env);
    expect(run.stdout).toContain('the file has a header but no rows: nothing to import');
  });
});

async function firstUnitCode(): Promise<string> {
  const database = await openDatabase(databaseConfigFromEnv({ ...process.env, ...env }), { max: 1 });
  try {
    const [row] = await database.sql<{ code: string }[]>`select code from units order by code limit 1`;
    return row?.code as string;
  } finally {
    await database.close();
  }
}

/** The staging tables in the database (stage.ts): an import's own, dropped when it ends. */
async function stagingTables(): Promise<string[]> {
  const database = await openDatabase(databaseConfigFromEnv({ ...process.env, ...env }), { max: 1 });
  try {
    const rows = await database.sql<{ name: string }[]>`
      select relname as name from pg_class where relname like 'import\_rows\_%'`;
    return rows.map((r) => r.name);
  } finally {
    await database.close();
  }
}

describe('a process killed in the middle of an import', () => {
  // While it reads and stages its rows (statements of their own, outside any transaction), and once
  // it writes them (inside its one transaction).
  test.each([
    ['reading', '… 100.000 rows read'],
    ['writing', '… writing'],
  ])('leaves the database exactly as it was (killed while %s)', async (phase, line) => {
    const units = await (async () => {
      const database = await openDatabase(databaseConfigFromEnv({ ...process.env, ...env }), { max: 1 });
      try {
        return (await database.sql<{ code: string }[]>`select code from units order by code`).map(
          (r) => r.code,
        );
      } finally {
        await database.close();
      }
    })();
    const lines = ['social_insurance_code,full_name,unit_code'];
    for (let i = 0; i < 150_000; i++)
      lines.push(`6${String(i).padStart(9, '0')},Người Thứ ${i},${units[i % units.length]}`);
    const big = file(`big-persons-${phase}.csv`, `${lines.join('\n')}\n`);
    const before = await fingerprint();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'api/src/cli/main.ts', 'import', 'persons', big],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env },
      },
    );
    let stderr = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        // 'reading': rows are being staged. 'writing': the rows are checked and the write
        // transaction has begun.
        if (stderr.includes(line)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the import ended before it was killed:\n${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');
    expect(await fingerprint()).toEqual(before);
    // The history knows of it: RUNNING until the next start of the server, which marks it FAILED.
    expect(await lastImport()).toMatchObject({ file_name: `big-persons-${phase}.csv`, outcome: 'RUNNING' });
    // PGlite keeps the killed session's staging table in its catalog until then.
    if (phase === 'reading' && !onPostgres) expect(await stagingTables()).toHaveLength(1);
    const database = await openDatabase(databaseConfigFromEnv({ ...process.env, ...env }), { max: 1 });
    const said: string[] = [];
    try {
      // On PostgreSQL the killed client's backend runs its statement to the end before it notices
      // that nobody listens, and holds the import's lock until then: a server that starts meanwhile
      // rightly takes the import for a live one. Wait until the database, too, knows it is dead.
      const { id } = (await lastImport()) as { id: number };
      for (let waited = 0; onPostgres; waited += 100) {
        const [held] = await database.sql<{ n: number }[]>`
          select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = ${id}`;
        if (held?.n === 0) break;
        if (waited > 60_000) throw new Error('the killed import’s backend never ended');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await prepareDatabase(database, (line) => said.push(line));
    } finally {
      await database.close();
    }
    expect(said).toContain(
      'Marked 1 import(s) FAILED that stopped before they finished (nothing of them was written)',
    );
    expect(await lastImport()).toMatchObject({
      file_name: `big-persons-${phase}.csv`,
      outcome: 'FAILED',
      problems: [expect.objectContaining({ code: 'INTERRUPTED', severity: 'error' })],
    });
    expect(await stagingTables()).toEqual([]);
    if (phase === 'writing') {
      // And the database still works: the same file imports in full afterwards.
      const rerun = await runCli(['import', 'persons', big], env);
      expect(rerun.stdout).toContain('Applied: 150.000 new, 0 updated, 0 unchanged.');
    }
  });
});
