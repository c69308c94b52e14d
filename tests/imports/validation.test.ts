import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVERYTHING, reachOf } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { csv, importFile, problemLines } from '../helpers/imports.ts';

/*
 * Every row is checked, every problem is listed as `row N, column C: …` with the row a spreadsheet
 * shows, and by default one invalid row means nothing is written.
 */

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
});
afterAll(() => database?.close());

async function count(table: string): Promise<number> {
  const [row] = await database.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? 0;
}

const PERSONS = csv(
  'social_insurance_code,full_name,unit_code,birth_date,gender,id_number,phone',
  '9200000001,Nguyễn Văn Một,UA,1990-01-31,Nam,123456789,0905 123 456',
  '920000002,Nguyễn Văn Hai,UA,,,,',
  '9200000003,Nguyễn Văn Ba,NOPE,,,,',
  '9200000004,Nguyễn Văn Bốn,UA,31/02/1990,,,',
  '9200000005,Nguyễn Văn Năm,UA,05/01/2022,,,',
  '9200000006,Nguyễn Văn Sáu,UA,,X,,',
  '9200000007,,UA,,,,',
  '9200000001,Nguyễn Văn Một lần nữa,UB,,,,',
  '9200000009,Nguyễn Thị Chín,UB,1991-12-01,Nữ,1234567890,',
  '9200000010,Nguyễn Thị Mười,UB,,F,001234567890,abc',
);

describe('each kind of invalid row', () => {
  test('is listed by row and column, and by default nothing is written', async () => {
    const before = await count('persons');
    const summary = await importFile(database, 'persons', PERSONS);
    expect(problemLines(summary)).toEqual([
      'row 3, column social_insurance_code: is not a social-insurance code (10 digits)',
      'row 4, column unit_code: no unit "NOPE" exists',
      'row 5, column birth_date: the value is not a real day (yyyy-mm-dd or dd/mm/yyyy)',
      'row 6, column birth_date: the day is after today (2021-12-31)',
      'row 7, column gender: "X" is not one of M, F',
      'row 8, column full_name: is empty but required',
      'row 9, column social_insurance_code: repeats row 2 (same social_insurance_code); only the first is kept',
      'row 10, column id_number: is not an ID number (9 digits for a CMND, 12 for a CCCD)',
      'row 11, column phone: the value is not a phone number (8 to 15 digits)',
    ]);
    expect(summary).toMatchObject({ outcome: 'REJECTED', accepted: false, rowsRead: 10, rowsRejected: 9 });
    expect(summary.problems.every((p) => p.severity === 'error' && p.messageVi.length > 0)).toBe(true);
    expect(summary.problems.map((p) => p.code)).toEqual([
      'BAD_FORMAT',
      'UNKNOWN_REFERENCE',
      'BAD_DATE',
      'FUTURE_DATE',
      'BAD_VALUE',
      'REQUIRED',
      'DUPLICATE_KEY',
      'BAD_FORMAT',
      'BAD_FORMAT',
    ]);
    expect(await count('persons')).toBe(before);
  });

  test('messages never repeat a person’s codes or names', async () => {
    const summary = await importFile(database, 'persons', PERSONS);
    const text = JSON.stringify(summary.problems);
    for (const personal of ['920000002', '9200000001', 'Nguyễn', '1234567890', '31/02/1990'])
      expect(text).not.toContain(personal);
  });

  test('--dry-run counts what would change and writes nothing, even with valid rows only', async () => {
    const before = await count('persons');
    const summary = await importFile(
      database,
      'persons',
      csv(
        'social_insurance_code,full_name,unit_code',
        '9200000101,Lê Văn A,UA',
        '9000000001,Người mới tên,UA',
      ),
      { dryRun: true },
    );
    expect(summary).toMatchObject({ outcome: 'DRY_RUN', accepted: true, rowsNew: 1, rowsUpdated: 1 });
    expect(await count('persons')).toBe(before);
    const [kept] = await database.db.execute<{ full_name: string }>(
      sql`select full_name from persons where social_insurance_code = '9000000001'`,
    );
    expect(kept?.full_name).toBe('Người 9000000001');
  });

  test('--dry-run of a file with errors says it would be rejected', async () => {
    const summary = await importFile(database, 'persons', PERSONS, { dryRun: true });
    expect(summary).toMatchObject({ outcome: 'DRY_RUN', accepted: false, rowsRejected: 9 });
  });

  test('--skip-invalid writes the valid rows and lists the others', async () => {
    const before = await count('persons');
    const summary = await importFile(database, 'persons', PERSONS, { skipInvalid: true });
    expect(summary).toMatchObject({ outcome: 'APPLIED', accepted: true, rowsNew: 1, rowsRejected: 9 });
    expect(summary.problems).toHaveLength(9);
    expect(await count('persons')).toBe(before + 1);
    const [written] = await database.db.execute<Record<string, string>>(
      sql`select full_name, birth_date, gender, id_number, phone from persons where social_insurance_code = '9200000001'`,
    );
    expect(written).toEqual({
      full_name: 'Nguyễn Văn Một',
      birth_date: '1990-01-31',
      gender: 'M',
      id_number: '123456789',
      phone: '0905123456',
    });
  });

  test('--skip-invalid with no valid row is rejected', async () => {
    const summary = await importFile(
      database,
      'steps',
      csv('social_insurance_code,step,date', '9000000001,DONE,2021-05-01'),
      { skipInvalid: true },
    );
    expect(summary).toMatchObject({ outcome: 'REJECTED', accepted: false });
  });
});

describe('references', () => {
  test('an area may name as parent an area of the database or of an earlier row, not of a later one', async () => {
    const summary = await importFile(
      database,
      'areas',
      csv(
        'area_code,name,level,parent_code',
        '90301,Xã Mới Một,COMMUNE,903',
        '903,Huyện Mới,DISTRICT,90',
        '90302,Xã Mới Hai,xã,903',
        '90303,Xã Mới Ba,COMMUNE,999',
      ),
    );
    expect(problemLines(summary)).toEqual([
      'row 2, column parent_code: no area "903" exists, neither in the database nor in an earlier row of this file',
      'row 5, column parent_code: no area "999" exists, neither in the database nor in an earlier row of this file',
    ]);
    expect(summary.outcome).toBe('REJECTED');
  });

  test('an area cannot be moved below one of its own areas', async () => {
    const summary = await importFile(
      database,
      'areas',
      csv('area_code,name,level,parent_code', '901,Thành phố Biển Xanh,DISTRICT,90101'),
    );
    expect(problemLines(summary)).toEqual([
      'row 2, column parent_code: the parent lies inside this area: the hierarchy would go round in a circle',
    ]);
  });

  test("a unit's commune must lie inside its district", async () => {
    const summary = await importFile(
      database,
      'units',
      csv(
        'unit_code,name,district_code,commune_code,office_code,sector',
        'UX,Đơn vị X,902,90101,BHXH-90,NQD',
      ),
    );
    expect(problemLines(summary)).toEqual([
      'row 2, column commune_code: area "90101" is not inside district "902"',
    ]);
  });

  test('steps name persons already recorded; milestones and assignments units and officers', async () => {
    const steps = await importFile(
      database,
      'steps',
      csv(
        'social_insurance_code,step,date',
        '9999999999,REGISTERED,2021-05-01',
        '9000000004,registered,2021-05-01',
      ),
    );
    expect(problemLines(steps)).toEqual([
      'row 2, column social_insurance_code: no person exists with this social-insurance code; import it with the persons first',
    ]);
    const milestones = await importFile(
      database,
      'milestones',
      csv('unit_code,milestone,date,staff_code', 'UA,GUIDE_SENT,2021-05-01,S9', 'UZ,GUIDE_SENT,2021-05-01,'),
    );
    expect(problemLines(milestones)).toEqual([
      'row 2, column staff_code: no officer "S9" exists',
      'row 3, column unit_code: no unit "UZ" exists',
    ]);
    const assignments = await importFile(
      database,
      'assignments',
      csv('unit_code,staff_code,from_date', 'UB,S1,2021-05-01', 'UB,S2,01/05/2021'),
    );
    expect(problemLines(assignments)).toEqual([
      'row 3, column unit_code: repeats row 2 (same unit_code + from_date); only the first is kept',
    ]);
  });
});

describe('reach', () => {
  test("a district head's rows for units outside their district are refused, and the province's lists entirely", async () => {
    const [area] = await database.db.execute<{ id: number }>(sql`select id from areas where code = '902'`);
    const reach = reachOf(
      {
        userId: 0,
        username: 'h',
        displayName: 'h',
        role: 'DISTRICT',
        areaId: area?.id as number,
        officeId: null,
        staffId: null,
      },
      '2021-12-31',
    );
    const steps = await importFile(
      database,
      'steps',
      csv(
        'social_insurance_code,step,date',
        '9000000007,APPROVED,2021-07-02',
        '9000000001,APPROVED,2021-05-05',
      ),
      { reach },
    );
    // Outside the reach, a person is answered as one that does not exist (see tests/api/refusals.test.ts).
    expect(problemLines(steps)).toEqual([
      'row 3, column social_insurance_code: no person with this social-insurance code in the area your account may act in; import it with the persons first',
    ]);
    const offices = await importFile(
      database,
      'offices',
      csv('office_code,name,area_code', 'O9,BHXH X,902'),
      { reach },
    );
    expect(offices).toMatchObject({ outcome: 'REJECTED' });
    expect(offices.problems[0]?.code).toBe('NOT_ALLOWED');
    const everything = await importFile(
      database,
      'steps',
      csv('social_insurance_code,step,date', '9000000001,APPROVED,2021-05-05'),
      { reach: EVERYTHING, dryRun: true },
    );
    expect(everything.accepted).toBe(true);
  });
});
