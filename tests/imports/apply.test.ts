import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVERYTHING } from '../../api/src/auth/reach.ts';
import { type Database, reserveSession } from '../../api/src/db/client.ts';
import { getCoverage } from '../../api/src/db/queries/coverage.ts';
import { holdRunningImport, listImports, releaseRunningImport } from '../../api/src/db/queries/imports.ts';
import { isScopeProblem, resolveScope } from '../../api/src/db/queries/scope.ts';
import { failInterruptedImports } from '../../api/src/imports/run.ts';
import { createTestDatabase, holdTable, onPostgres } from '../helpers/database.ts';
import { csv, importFile, problemLines, startRunningImport } from '../helpers/imports.ts';
import { coverageFromBaseTables } from '../helpers/recompute.ts';

/*
 * A whole province loaded from files, kind by kind, into an empty database; the figures after each
 * import must equal a recomputation from the base tables, and importing the same files again must
 * change nothing.
 */

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const FILES = {
  areas: csv(
    'area_code,name,level,parent_code',
    '80,Tỉnh Nhập Thử,PROVINCE,',
    '801,Huyện Một,DISTRICT,80',
    '802,Huyện Hai,DISTRICT,80',
    '80101,Xã Một Một,COMMUNE,801',
    '80102,Xã Một Hai,COMMUNE,801',
    '80201,Xã Hai Một,COMMUNE,802',
  ),
  offices: csv('office_code,name,area_code', 'BHXH-80,BHXH tỉnh,80', 'BHXH-802,BHXH huyện Hai,802'),
  staff: csv(
    'staff_code,full_name,office_code,email,phone',
    'CB1,Trần Thị Lan,BHXH-80,lan@example.vn,0258 3822 111',
    'CB2,Lê Văn Hùng,BHXH-802,,',
  ),
  units: csv(
    'unit_code,name,district_code,commune_code,office_code,sector,tax_code,address',
    'DV1,Công ty Cổ phần Biển Xanh,801,80101,BHXH-80,NQD,4200000001,"1 Trần Phú, Nha Trang"',
    'DV2,Trường Tiểu học Hòa Bình,801,80102,BHXH-80,HCSN,,',
    'DV3,Hợp tác xã Núi Cao,802,,BHXH-802,HTX,4200000003-001,',
  ),
  assignments: csv(
    'unit_code,staff_code,from_date',
    'DV1,CB1,2021-04-01',
    'DV2,CB1,2021-04-01',
    'DV3,CB2,01/04/2021',
  ),
  persons: csv(
    'social_insurance_code,full_name,unit_code,birth_date,gender,id_number,phone',
    '8000000001,Nguyễn Văn An,DV1,1990-01-01,M,123456789012,0905000001',
    '8000000002,Trần Thị Bình,DV1,,F,,',
    '8000000003,Lê Văn Cường,DV2,,,,',
    '8000000004,Phạm Thị Dung,DV3,,Nữ,,',
  ),
  steps: csv(
    'social_insurance_code,step,date',
    '8000000001,REGISTERED,2021-05-01',
    '8000000001,ACTIVATED,2021-05-10',
    '8000000002,REGISTERED,2021-05-03',
    '8000000003,ACTIVATED,2021-06-01',
    '8000000004,VERIFIED,2021-07-01',
  ),
  milestones: csv(
    'unit_code,milestone,date,staff_code,note',
    'DV1,LEADERSHIP_CONTACTED,2021-04-20,CB1,Gặp giám đốc',
    'DV2,LEADERSHIP_CONTACTED,2021-05-25,CB1,',
    'DV3,GUIDE_SENT,2021-05-30,CB2,',
  ),
} as const;

const KINDS = Object.keys(FILES) as (keyof typeof FILES)[];
const DAYS = ['2021-04-30', '2021-05-05', '2021-05-31', '2021-06-30', '2021-12-31'];

/**
 * Coverage through the rollups (what the API answers) equals the recomputation, for every area and
 * day; and unit_areas, which every read of an area's units joins, holds exactly every (unit, area
 * above its place).
 */
async function expectExactRollups(): Promise<void> {
  const [stale] = await database.db.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      (select unit_id, geography_id, area_id, depth from unit_areas
        except select p.unit_id, p.geography_id, c.ancestor_id, c.depth
        from unit_places p join area_closure c on c.descendant_id = p.area_id)
      union all
      (select p.unit_id, p.geography_id, c.ancestor_id, c.depth
        from unit_places p join area_closure c on c.descendant_id = p.area_id
        except select unit_id, geography_id, area_id, depth from unit_areas)) x`);
  expect(stale?.n, 'rows of unit_areas missing or left over').toBe(0);
  const areas = await database.db.execute<{ code: string }>(sql`select code from areas order by code`);
  for (const { code } of areas) {
    const scope = await resolveScope(database.db, { areaId: code }, EVERYTHING, '2021-12-31');
    if (isScopeProblem(scope)) throw new Error(`no scope for ${code}`);
    for (const asOf of DAYS) {
      const served = await getCoverage(database.db, { scope, asOf });
      const expected = await coverageFromBaseTables(database.db, code, asOf);
      expect({ code, asOf, ...served, activationRate: undefined }).toMatchObject({ code, asOf, ...expected });
    }
  }
}

describe('a province from files', () => {
  test('every kind applies in order, and the figures stay exact after each', async () => {
    for (const kind of KINDS) {
      const summary = await importFile(database, kind, FILES[kind]);
      expect({ kind, problems: problemLines(summary) }).toEqual({ kind, problems: [] });
      expect(summary).toMatchObject({ outcome: 'APPLIED', rowsNew: summary.rowsRead, rowsUpdated: 0 });
      await expectExactRollups();
    }
    const scope = await resolveScope(database.db, { areaId: '80' }, EVERYTHING, '2021-12-31');
    if (isScopeProblem(scope)) throw new Error('no scope');
    expect(await getCoverage(database.db, { scope, asOf: '2021-12-31' })).toMatchObject({
      target: 4,
      registered: 4,
      activated: 3,
      verified: 1,
      units: 3,
      unitsContacted: 2,
    });
  });

  test('importing the same files again changes nothing, and says they were imported before', async () => {
    for (const kind of KINDS) {
      const summary = await importFile(database, kind, FILES[kind]);
      expect(summary).toMatchObject({
        outcome: 'APPLIED',
        rowsNew: 0,
        rowsUpdated: 0,
        rowsUnchanged: summary.rowsRead,
      });
      expect(summary.alreadyImported).toMatchObject({ by: 'tester' });
    }
    await expectExactRollups();
  });

  test('a district head is not told that someone outside their area imported the same file, nor who', async () => {
    const [district] = await database.db.execute<{ id: number }>(
      sql`select id from areas where code = '801'`,
    );
    const reach = { kind: 'area' as const, areaId: district?.id as number };
    const summary = await importFile(database, 'steps', FILES.steps, { reach, dryRun: true });
    expect(summary.outcome).toBe('DRY_RUN');
    // The earlier imports were the command line's (the province's): not in this account's history.
    expect(summary.alreadyImported).toBeNull();
    expect(
      (await importFile(database, 'steps', FILES.steps, { dryRun: true })).alreadyImported,
    ).toMatchObject({
      by: 'tester',
    });
  });

  test('a row with an existing key updates that record; moving a person moves their figures', async () => {
    const summary = await importFile(
      database,
      'persons',
      csv('social_insurance_code,full_name,unit_code', '8000000001,Nguyễn Văn An,DV3'),
    );
    expect(summary).toMatchObject({ rowsNew: 0, rowsUpdated: 1 });
    // The columns the file does not have keep their values.
    const [moved] = await database.db.execute<Record<string, string>>(
      sql`select u.code as unit, p.id_number, p.gender from persons p join units u on u.id = p.unit_id where p.social_insurance_code = '8000000001'`,
    );
    expect(moved).toEqual({ unit: 'DV3', id_number: '123456789012', gender: 'M' });
    await expectExactRollups();
    const units = await importFile(
      database,
      'units',
      csv(
        'unit_code,name,district_code,commune_code,office_code,sector',
        'DV2,Trường Tiểu học Hòa Bình,802,80201,BHXH-802,HCSN',
      ),
    );
    expect(units).toMatchObject({ rowsUpdated: 1 });
    await expectExactRollups();
  });

  test('a step or milestone keeps its earliest date; an earlier one replaces it', async () => {
    const later = await importFile(
      database,
      'steps',
      csv(
        'social_insurance_code,step,date',
        '8000000001,REGISTERED,2021-06-01',
        '8000000002,REGISTERED,2021-04-28',
      ),
    );
    expect(later).toMatchObject({ rowsNew: 0, rowsUpdated: 1, rowsUnchanged: 1 });
    const steps = await database.db.execute<{ code: string; date: string }>(sql`
      select p.social_insurance_code as code, s.date from person_steps s join persons p on p.id = s.person_id
      where s.step = 'REGISTERED' and p.social_insurance_code in ('8000000001', '8000000002') order by 1`);
    expect(steps).toEqual([
      { code: '8000000001', date: '2021-05-01' },
      { code: '8000000002', date: '2021-04-28' },
    ]);
    const milestones = await importFile(
      database,
      'milestones',
      csv(
        'unit_code,milestone,date,staff_code',
        'DV1,LEADERSHIP_CONTACTED,2021-05-01,CB2',
        'DV2,LEADERSHIP_CONTACTED,2021-04-02,CB2',
      ),
    );
    expect(milestones).toMatchObject({ rowsUpdated: 1, rowsUnchanged: 1 });
    const contacted = await database.db.execute<{
      code: string;
      date: string;
      staff: string;
      note: string | null;
    }>(sql`
      select u.code, m.date, s.code as staff, m.note from unit_milestones m join units u on u.id = m.unit_id
      join staff s on s.id = m.staff_id where m.milestone = 'LEADERSHIP_CONTACTED' order by 1`);
    expect(contacted).toEqual([
      { code: 'DV1', date: '2021-04-20', staff: 'CB1', note: 'Gặp giám đốc' },
      { code: 'DV2', date: '2021-04-02', staff: 'CB2', note: null },
    ]);
    await expectExactRollups();
  });

  test('a step dated before an earlier step is kept with a warning, in the file or against the database', async () => {
    const summary = await importFile(
      database,
      'steps',
      csv(
        'social_insurance_code,step,date',
        '8000000003,REGISTERED,2021-06-05',
        '8000000003,FORM_SIGNED,2021-05-20',
        '8000000002,APPROVED,2021-05-04',
      ),
    );
    expect(problemLines(summary)).toEqual([
      'row 3, column date: FORM_SIGNED on 2021-05-20 is before an earlier step dated 2021-06-05; kept',
    ]);
    expect(summary.problems[0]).toMatchObject({ code: 'STEP_ORDER', severity: 'warning' });
    expect(summary).toMatchObject({ outcome: 'APPLIED', rowsNew: 3, warnings: 1 });
    const against = await importFile(
      database,
      'steps',
      csv('social_insurance_code,step,date', '8000000004,APPROVED,2021-08-01'),
    );
    expect(problemLines(against)).toEqual([]);
    const before = await importFile(
      database,
      'steps',
      csv('social_insurance_code,step,date', '8000000002,ACTIVATED,2021-04-01'),
    );
    expect(problemLines(before)).toEqual([
      'row 2, column date: ACTIVATED on 2021-04-01 is before an earlier step dated 2021-05-04; kept',
    ]);
    // A file refused for another reason still lists the steps out of order, worked out from its rows.
    const refused = await importFile(
      database,
      'steps',
      csv(
        'social_insurance_code,step,date',
        '8000000004,VERIFIED,2021-07-01',
        '8000000004,REGISTERED,2021-07-15',
        '8000000004,NOPE,2021-07-20',
      ),
    );
    expect(refused.outcome).toBe('REJECTED');
    expect(problemLines(refused).filter((line) => line.includes('before an earlier step'))).toEqual([
      'row 2, column date: VERIFIED on 2021-07-01 is before an earlier step dated 2021-08-01; kept',
    ]);
    await expectExactRollups();
  });

  test('a dry run of steps counts and warns what the import then writes, and writes nothing', async () => {
    const file = csv(
      'social_insurance_code,step,date',
      '8000000001,REGISTERED,2021-04-15',
      '8000000001,ACTIVATED,2021-12-01',
      '8000000002,VERIFIED,2021-06-01',
      '8000000003,APPROVED,2021-05-01',
    );
    const steps = sql`select md5(string_agg(concat_ws(' ', person_id, step, date), ',' order by person_id, step)) as digest from person_steps`;
    const [before] = await database.db.execute(steps);
    const dry = await importFile(database, 'steps', file, { dryRun: true });
    expect(await database.db.execute(steps)).toEqual([before]);
    const applied = await importFile(database, 'steps', file);
    expect(applied).toMatchObject({
      outcome: 'APPLIED',
      rowsNew: 2,
      rowsUpdated: 1,
      rowsUnchanged: 1,
      warnings: 1,
    });
    const figures = ({ rowsNew, rowsUpdated, rowsUnchanged, warnings, problems }: typeof dry) => ({
      rowsNew,
      rowsUpdated,
      rowsUnchanged,
      warnings,
      problems,
    });
    expect(dry).toMatchObject({ outcome: 'DRY_RUN', accepted: true });
    expect(figures(dry)).toEqual(figures(applied));
    await expectExactRollups();
  });

  test('every import is in the history, with its outcome, figures and first problems', async () => {
    await importFile(
      database,
      'steps',
      csv('social_insurance_code,step,date', '8000000001,NOPE,2021-05-01'),
      {
        fileName: 'bad-steps.csv',
      },
    );
    await importFile(
      database,
      'steps',
      csv('social_insurance_code,step,date', '8000000001,VERIFIED,2021-09-01'),
      {
        fileName: 'dry.csv',
        dryRun: true,
      },
    );
    const [dry, rejected] = await listImports(database.db, { first: 2, offset: 0, reach: EVERYTHING });
    expect(rejected).toMatchObject({
      kind: 'steps',
      fileName: 'bad-steps.csv',
      outcome: 'REJECTED',
      rowsRead: 1,
      rowsWritten: 0,
      rowsRejected: 1,
      osUser: 'tester',
      username: null,
    });
    expect(rejected?.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'step', code: 'BAD_VALUE', severity: 'error' }),
    ]);
    expect(rejected?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(dry).toMatchObject({ fileName: 'dry.csv', outcome: 'DRY_RUN', rowsWritten: 0, rowsRead: 1 });
    const all = await listImports(database.db, { first: 100, offset: 0, reach: EVERYTHING });
    expect(all.filter((i) => i.outcome === 'APPLIED').length).toBeGreaterThanOrEqual(KINDS.length * 2);
    const [count] = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from person_steps s join persons p on p.id = s.person_id where p.social_insurance_code = '8000000001' and s.step = 'VERIFIED'`,
    );
    expect(count?.n).toBe(0);
  });
});

describe.runIf(onPostgres)('a server that starts while an import runs', () => {
  test('leaves that import RUNNING, and marks it FAILED only once nothing holds it', async () => {
    const id = await startRunningImport(database, 'steps', 'dang-chay.csv');
    // The import's own connection holds the lock, as `pnpm cli import` would beside a starting server.
    const connection = await reserveSession(database.db);
    await holdRunningImport(connection.db, id);
    expect(await failInterruptedImports(database.db)).toBe(0);
    await releaseRunningImport(connection.db, id);
    connection.release();
    expect(await failInterruptedImports(database.db)).toBe(1);
    const [row] = await database.db.execute<{ outcome: string }>(
      sql`select outcome::text as outcome from imports where id = ${id}`,
    );
    expect(row?.outcome).toBe('FAILED');
  });

  test('leaves alone an import that is checking its rows, outside its write transaction', async () => {
    // The import waits on its check of the parents against `areas`, held by another transaction.
    const areas = await holdTable(database, 'areas');
    const running = importFile(database, 'areas', FILES.areas, { fileName: 'cho.csv' });
    for (let waited = 0; ; waited += 20) {
      const [row] = await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_locks where not granted and relation = 'areas'::regclass`,
      );
      if ((row?.n ?? 0) > 0) break;
      if (waited > 10_000) throw new Error('the import never reached its checks');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await failInterruptedImports(database.db)).toBe(0);
    await areas.release();
    expect(await running).toMatchObject({ outcome: 'APPLIED', fileName: 'cho.csv' });
  });
});
