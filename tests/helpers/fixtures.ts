import { sql } from 'drizzle-orm';
import type { Db } from '../../api/src/db/client.ts';
import { placeUnits } from '../../api/src/db/places.ts';
import { withUnitRollups } from '../../api/src/db/rollups.ts';
import { type AreaRecord, upsertAreas } from '../../api/src/reference/load.ts';

/*
 * Small hand-made data sets, written through the same rollup maintenance as production writes, so
 * that a figure computed by hand can be compared with what the API answers.
 */

export interface FixtureUnit {
  code: string;
  areaCode: string;
  officeCode: string;
  sector?: string;
  /** Persons: social-insurance code → steps reached with their dates. */
  persons?: Record<
    string,
    Partial<Record<'REGISTERED' | 'APPROVED' | 'ACTIVATED' | 'FORM_SIGNED' | 'VERIFIED', string>>
  >;
  contactedOn?: string;
  /** Why persons are stuck: social-insurance code → [reason, recorded on]. */
  blockers?: Record<string, [string, string]>;
  /** Officer assignments: staff code → from date. */
  assignments?: [string, string][];
}

export interface Fixture {
  areas: AreaRecord[];
  offices: { code: string; areaCode: string }[];
  staff?: { code: string; officeCode: string }[];
  units: FixtureUnit[];
}

/** A province 90 with two districts; district 901 has two communes, district 902 one, commune 90299 none. */
export const SMALL_AREAS: AreaRecord[] = [
  { code: '90', name: 'Tỉnh Thử Nghiệm', level: 'PROVINCE', parentCode: null },
  { code: '901', name: 'Thành phố Biển Xanh', level: 'DISTRICT', parentCode: '90' },
  { code: '902', name: 'Huyện Núi Cao', level: 'DISTRICT', parentCode: '90' },
  { code: '90101', name: 'Phường Hòa Bình', level: 'COMMUNE', parentCode: '901' },
  { code: '90102', name: 'Phường Tân Lập', level: 'COMMUNE', parentCode: '901' },
  { code: '90201', name: 'Xã Sơn Thủy', level: 'COMMUNE', parentCode: '902' },
  { code: '90299', name: 'Xã Không Người', level: 'COMMUNE', parentCode: '902' },
];

export async function loadFixture(db: Db, fixture: Fixture): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertAreas(tx, fixture.areas);
    for (const o of fixture.offices) {
      await tx.execute(
        sql`insert into offices (code, name, area_id) select ${o.code}, ${`BHXH ${o.code}`}, id from areas where code = ${o.areaCode}`,
      );
    }
    for (const s of fixture.staff ?? []) {
      await tx.execute(
        sql`insert into staff (code, full_name, office_id) select ${s.code}, ${`Cán bộ ${s.code}`}, id from offices where code = ${s.officeCode}`,
      );
    }
    for (const u of fixture.units) {
      const [row] = await tx.execute<{ id: number }>(sql`
        insert into units (code, name, area_id, office_id, sector)
        select ${u.code}, ${`Đơn vị ${u.code}`}, a.id, o.id, ${u.sector ?? 'NQD'}
        from areas a, offices o where a.code = ${u.areaCode} and o.code = ${u.officeCode}
        returning id`);
      const unitId = (row as { id: number }).id;
      await placeUnits(tx, [unitId]);
      await withUnitRollups(tx, [unitId], async () => {
        for (const [siCode, steps] of Object.entries(u.persons ?? {})) {
          const [person] = await tx.execute<{ id: number }>(
            sql`insert into persons (social_insurance_code, full_name, unit_id) values (${siCode}, ${`Người ${siCode}`}, ${unitId}) returning id`,
          );
          for (const [step, date] of Object.entries(steps)) {
            await tx.execute(
              sql`insert into person_steps (person_id, step, date) values (${(person as { id: number }).id}, ${step}, ${date})`,
            );
          }
        }
        for (const [siCode, [reason, recordedOn]] of Object.entries(u.blockers ?? {})) {
          await tx.execute(sql`insert into person_blockers (person_id, reason, recorded_on)
            select id, ${reason}, ${recordedOn} from persons where social_insurance_code = ${siCode}`);
        }
        if (u.contactedOn) {
          await tx.execute(
            sql`insert into unit_milestones (unit_id, milestone, date) values (${unitId}, 'LEADERSHIP_CONTACTED', ${u.contactedOn})`,
          );
        }
      });
      for (const [staffCode, from] of u.assignments ?? []) {
        await tx.execute(
          sql`insert into unit_assignments (unit_id, staff_id, from_date) select ${unitId}, id, ${from} from staff where code = ${staffCode}`,
        );
      }
    }
  });
}

/** One unit with one person who activated on 1/5/2021: enough for tests about everything but figures. */
export const ONE_PERSON: Fixture = {
  areas: SMALL_AREAS,
  offices: [{ code: 'O1', areaCode: '90' }],
  units: [
    {
      code: 'U1',
      areaCode: '90101',
      officeCode: 'O1',
      persons: { '9000000001': { ACTIVATED: '2021-05-01' } },
    },
  ],
};
