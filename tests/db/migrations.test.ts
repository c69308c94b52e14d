import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { migrateDatabase } from '../../api/src/db/client.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture, ONE_PERSON } from '../helpers/fixtures.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, ONE_PERSON);
});
afterAll(() => database?.close());

async function errorCodeOf(statement: ReturnType<typeof sql>): Promise<string | undefined> {
  try {
    await database.db.execute(statement);
    return undefined;
  } catch (error) {
    return ((error as { cause?: { code?: string } }).cause ?? (error as { code?: string })).code;
  }
}

describe('migrations', () => {
  test('apply on an empty database and create every table of the domain', async () => {
    const rows = await database.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([
      'access_log',
      'account_events',
      'api_tokens',
      'area_blocker_daily',
      'area_closure',
      'area_daily',
      'area_mappings',
      'area_totals',
      'areas',
      'audit_log',
      'data_versions',
      'geographies',
      'goals',
      'imports',
      'offices',
      'pending_bumps',
      'person_blockers',
      'person_steps',
      'persons',
      'published_reports',
      'refusal_alerts',
      'refusal_log',
      'sessions',
      'staff',
      'training_attendance',
      'training_sessions',
      'unit_areas',
      'unit_assignments',
      'unit_blocker_daily',
      'unit_daily',
      'unit_milestones',
      'unit_place_choices',
      'unit_places',
      'unit_totals',
      'units',
      'users',
    ]);
  });

  test('applying them again changes nothing', async () => {
    await migrateDatabase(database);
    const [row] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from units`);
    expect(row?.n).toBe(1);
  });
});

describe('the database itself keeps the rules', () => {
  test('a step cannot exist twice for a person', async () => {
    expect(
      await errorCodeOf(
        sql`insert into person_steps (person_id, step, date) select id, 'ACTIVATED', '2021-06-01' from persons`,
      ),
    ).toBe('23505');
  });

  test('codes are unique (an area’s within its geography)', async () => {
    expect(
      await errorCodeOf(
        sql`insert into areas (geography_id, code, name, level) select geography_id, '901', 'Trùng mã', 'DISTRICT' from areas limit 1`,
      ),
    ).toBe('23505');
    expect(
      await errorCodeOf(
        sql`insert into units (code, name, area_id, office_id, sector) select 'U1', 'Trùng', area_id, office_id, sector from units`,
      ),
    ).toBe('23505');
    expect(
      await errorCodeOf(
        sql`insert into persons (social_insurance_code, full_name, unit_id) select '9000000001', 'Trùng', id from units`,
      ),
    ).toBe('23505');
  });

  test('foreign keys hold', async () => {
    expect(
      await errorCodeOf(
        sql`insert into persons (social_insurance_code, full_name, unit_id) values ('9000000099', 'Không đơn vị', 999999)`,
      ),
    ).toBe('23503');
    expect(await errorCodeOf(sql`delete from offices`)).toBe('23503');
  });

  test('a social-insurance code has 10 digits and an ID number 9 or 12', async () => {
    const insert = (si: string, id: string | null) =>
      errorCodeOf(
        sql`insert into persons (social_insurance_code, full_name, id_number, unit_id) select ${si}, 'Thử', ${id}, id from units`,
      );
    expect(await insert('123456789', null)).toBe('23514');
    expect(await insert('12345678901', null)).toBe('23514');
    expect(await insert('9000000050', '12345')).toBe('23514');
    expect(await insert('9000000051', '123456789')).toBeUndefined();
    expect(await insert('9000000052', '056201012345')).toBeUndefined();
  });

  test('a step, gender or sector outside its list is refused', async () => {
    expect(
      await errorCodeOf(
        sql`insert into person_steps (person_id, step, date) select id, 'INSTALLED', '2021-06-01' from persons`,
      ),
    ).toBe('22P02');
    expect(await errorCodeOf(sql`update units set sector = 'PRIVATE'`)).toBe('22P02');
  });
});
