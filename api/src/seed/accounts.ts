import { sql } from 'drizzle-orm';
import { newOneTimePassword } from '../auth/secrets.ts';
import type { Db } from '../db/client.ts';
import { createUser } from '../db/queries/accounts.ts';
import type { Role } from '../db/schema/index.ts';

export interface DemoAccount {
  username: string;
  role: Role;
  /** What it reaches, in words, for the console. */
  reach: string;
}

/**
 * One account per role on the demo data, so that a newcomer can try each: the district head of the
 * district with the most units (in 2021's map, the demo's), an office's account (a BHXH cơ sở) for the
 * district office that manages the most units, and the officer in charge of the most units today.
 * They share one random password, returned to be printed once.
 */
export async function createDemoAccounts(db: Db): Promise<{ accounts: DemoAccount[]; password: string }> {
  const [district] = await db.execute<{ id: number; code: string; name: string }>(sql`
    select a.id, a.code, a.name from areas a join area_totals t on t.area_id = a.id
    where a.level = 'DISTRICT' and a.geography_id = (select id from geographies order by valid_from limit 1)
    order by t.units desc, a.code limit 1`);
  const [office] = await db.execute<{ id: number; code: string; name: string }>(sql`
    select o.id, o.code, o.name from offices o join areas a on a.id = o.area_id join units u on u.office_id = o.id
    where a.parent_id is not null group by o.id order by count(*) desc, o.code limit 1`);
  const [officer] = await db.execute<{ id: number; code: string; full_name: string }>(sql`
    select s.id, s.code, s.full_name from staff s join (
      select distinct on (unit_id) unit_id, staff_id from unit_assignments order by unit_id, from_date desc
    ) current on current.staff_id = s.id
    group by s.id order by count(*) desc, s.code limit 1`);
  const password = newOneTimePassword();
  const accounts: (DemoAccount & {
    displayName: string;
    areaId?: number;
    officeId?: number;
    staffId?: number;
  })[] = [
    {
      username: 'admin',
      role: 'ADMIN',
      reach: 'everything, manages accounts',
      displayName: 'Nguyễn Văn Quản (quản trị)',
    },
    {
      username: 'tinh',
      role: 'PROVINCE',
      reach: 'the province, figures only',
      displayName: 'Lãnh đạo BHXH tỉnh',
    },
    {
      username: 'phantich',
      role: 'ANALYST',
      reach: 'the province, figures only',
      displayName: 'Chuyên viên phân tích',
    },
  ];
  if (district) {
    accounts.push({
      username: 'huyen',
      role: 'DISTRICT',
      reach: `${district.name} (${district.code})`,
      displayName: `Lãnh đạo BHXH ${district.name}`,
      areaId: district.id,
    });
  }
  if (office) {
    accounts.push({
      username: 'coso',
      role: 'DISTRICT',
      reach: `the units ${office.name} (${office.code}) manages`,
      displayName: `Lãnh đạo ${office.name}`,
      officeId: office.id,
    });
  }
  if (officer) {
    accounts.push({
      username: 'canbo',
      role: 'OFFICER',
      reach: `the units of ${officer.full_name} (${officer.code})`,
      displayName: officer.full_name,
      staffId: officer.id,
    });
  }
  for (const { reach: _, ...account } of accounts) await createUser(db, { ...account, password });
  return { accounts: accounts.map(({ username, role, reach }) => ({ username, role, reach })), password };
}
