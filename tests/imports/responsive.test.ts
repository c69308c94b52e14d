import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { failInterruptedImports, type ImportProgress } from '../../api/src/imports/run.ts';
import { createTestDatabase, holdTable, onPostgres } from '../helpers/database.ts';
import { loadFixture, ONE_PERSON } from '../helpers/fixtures.ts';
import { importFile, startRunningImport } from '../helpers/imports.ts';

/*
 * An import leaves the database to others while it reads, stages and checks its rows: only its write
 * transaction holds the embedded database's one session. Staging tables are the import's own, and
 * none outlives it.
 */

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, ONE_PERSON);
});
afterAll(() => database?.close());

/** A persons file of `n` new persons of unit U1, their codes starting with `prefix`. */
function personsFile(prefix: string, n: number): string {
  const lines = ['social_insurance_code,full_name,unit_code'];
  for (let i = 0; i < n; i++) lines.push(`${prefix}${String(i).padStart(9, '0')},Người Thứ ${i},U1`);
  return `${lines.join('\n')}\n`;
}

async function stagingTables(): Promise<string[]> {
  const rows = await database.db.execute<{ name: string }>(
    sql`select relname as name from pg_class where relname like 'import\_rows\_%' order by relname`,
  );
  return rows.map((r) => r.name);
}

describe('an import under way', () => {
  test('answers a query asked while it reads or checks before it begins to write', async () => {
    // 120.000 rows: the import reports 'reading' at the 100.000th, with batches still to stage.
    const phases: ImportProgress['phase'][] = [];
    const asked: Promise<void>[] = [];
    const answers: { askedIn: string; answeredIn: string | undefined; outcome: string | undefined }[] = [];
    const summary = await importFile(database, 'persons', personsFile('7', 120_000), {
      fileName: 'lon.csv',
      onProgress: ({ phase }) => {
        phases.push(phase);
        if (phase === 'writing') return;
        asked.push(
          database.db
            .execute<{ outcome: string }>(
              sql`select outcome::text as outcome from imports where file_name = 'lon.csv'`,
            )
            .then(([row]) => {
              answers.push({ askedIn: phase, answeredIn: phases.at(-1), outcome: row?.outcome });
            }),
        );
      },
    });
    await Promise.all(asked);
    expect(summary).toMatchObject({ outcome: 'APPLIED', rowsNew: 120_000 });
    expect(phases).toEqual(['reading', 'checking', 'writing']);
    // Each was answered before the write transaction began, and saw the import in the history, RUNNING.
    expect(answers).toHaveLength(2);
    for (const answer of answers) {
      expect(answer.answeredIn).not.toBe('writing');
      expect(answer.outcome).toBe('RUNNING');
    }
    expect(await stagingTables()).toEqual([]);
  });

  test('two imports at once stage into tables of their own and leave none behind', async () => {
    let second: ReturnType<typeof importFile> | undefined;
    // The second starts while the first checks its rows, so both staging tables exist together.
    const first = await importFile(database, 'persons', personsFile('5', 30_000), {
      fileName: 'dau.csv',
      onProgress: ({ phase }) => {
        if (phase === 'checking')
          second ??= importFile(database, 'persons', personsFile('4', 25_000), { fileName: 'sau.csv' });
      },
    });
    expect(second).toBeDefined();
    expect(first).toMatchObject({ outcome: 'APPLIED', rowsNew: 30_000, rowsUnchanged: 0 });
    expect(await second).toMatchObject({ outcome: 'APPLIED', rowsNew: 25_000, rowsUnchanged: 0 });
    const [n] = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from persons where social_insurance_code like '4%' or social_insurance_code like '5%'`,
    );
    expect(n?.n).toBe(55_000);
    expect(await stagingTables()).toEqual([]);
  });

  test('leaves no staging table behind whatever its outcome', async () => {
    const rejected = await importFile(database, 'persons', personsFile('3', 10).replace(',U1\n', ',U9\n'));
    expect(rejected.outcome).toBe('REJECTED');
    const dry = await importFile(database, 'persons', personsFile('3', 10), { dryRun: true });
    expect(dry).toMatchObject({ outcome: 'DRY_RUN', rowsNew: 10 });
    const refused = await importFile(database, 'persons', 'full_name\nAn\n');
    expect(refused.outcome).toBe('REJECTED');
    expect(await stagingTables()).toEqual([]);
  });
});

describe.skipIf(onPostgres)('at the next start, on the embedded database', () => {
  test('the staging table of an import that never finished is dropped with its RUNNING row marked FAILED', async () => {
    // As a `pnpm cli import` killed beside the server leaves them: a RUNNING row, and its table in
    // the session that every connection shares.
    const id = await startRunningImport(database, 'persons', 'bi-ngat.csv');
    await database.db.execute(sql.raw(`create temp table import_rows_${id} (row_no int)`));
    expect(await stagingTables()).toEqual([`import_rows_${id}`]);
    expect(await failInterruptedImports(database.db)).toBe(1);
    expect(await stagingTables()).toEqual([]);
  });
});

describe.skipIf(onPostgres)('beside another transaction that holds the session past the wait allowed', () => {
  let patient: Database;
  beforeAll(async () => {
    patient = await createTestDatabase({ sessionWaitMs: 200 });
    await loadFixture(patient.db, ONE_PERSON);
  });
  afterAll(() => patient?.close());

  test('an import waits for it instead of failing on its refused statements', async () => {
    // Another transaction (another import writing, say) takes the session while this one checks
    // its rows, and keeps it 1 s: five times what a query may wait before the server refuses it.
    let holding: Promise<void> | undefined;
    const summary = await importFile(patient, 'persons', personsFile('8', 20_000), {
      onProgress: ({ phase }) => {
        if (phase !== 'checking' || holding) return;
        holding = holdTable(patient, 'offices').then(async (held) => {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          await held.release();
        });
      },
    });
    await holding;
    expect(summary).toMatchObject({ outcome: 'APPLIED', rowsNew: 20_000 });
  });
});
