import DataLoader from 'dataloader';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { byArguments, oneOfEach, rowsOfEachParent } from '../loaders.ts';
import { staff } from '../schema/index.ts';
import { intArray } from '../sql.ts';
import { officersOnDay, staffInReach } from './scope.ts';

export type StaffRow = typeof staff.$inferSelect;

export interface AssignmentRow extends Record<string, unknown> {
  unitId: number;
  staffId: number;
  from: IsoDate;
  /** The next officer's first day; null while this one is in charge. */
  until: IsoDate | null;
}

async function getStaffByIds(db: Db, ids: readonly number[]): Promise<StaffRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(staff)
    .where(inArray(staff.id, [...ids]));
}

export async function getStaffByCode(db: Db, code: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staff).where(eq(staff.code, code));
  return row;
}

/** The officers of the given offices, ordered by code: one statement for all the offices asked. */
async function getStaffOfOffices(db: Db, officeIds: readonly number[]): Promise<StaffRow[]> {
  if (officeIds.length === 0) return [];
  return db
    .select()
    .from(staff)
    .where(inArray(staff.officeId, [...officeIds]))
    .orderBy(asc(staff.code));
}

/** The assignment history of the given units, oldest first per unit, with the day each one ended. */
function getAssignmentsOfUnits(db: Db, unitIds: readonly number[]): Promise<AssignmentRow[]> {
  return db.execute<AssignmentRow>(sql`
    select a.unit_id as "unitId", a.staff_id as "staffId", a.from_date as "from",
      lead(a.from_date) over (partition by a.unit_id order by a.from_date) as "until"
    from unit_assignments a where a.unit_id = any(${intArray(unitIds)})
    order by a.unit_id, a.from_date`);
}

/** The officer in charge of each unit on a day (absent when nobody was). */
async function getOfficersOn(
  db: Db,
  unitIds: readonly number[],
  asOf: IsoDate,
): Promise<Map<number, number>> {
  const rows = await db.execute<{ unit_id: number; staff_id: number }>(sql`
    select o.unit_id, o.staff_id from ${officersOnDay(asOf)} o where o.unit_id = any(${intArray(unitIds)})`);
  return new Map(rows.map((r) => [r.unit_id, r.staff_id]));
}

export type StaffLoaders = ReturnType<typeof staffLoaders>;

export function staffLoaders(db: Db, reach: Reach) {
  return {
    /** Whether the caller may read an officer's figures (scope.ts staffInReach). */
    staffReadable: new DataLoader<number, boolean>(async (ids) => {
      if (reach.kind === 'all') return ids.map(() => true);
      const rows = await db.execute<{ id: number }>(
        sql`select k.id from unnest(${intArray(ids)}) as k(id) where ${staffInReach(reach, sql`k.id`)}`,
      );
      const readable = new Set(rows.map((r) => r.id));
      return ids.map((id) => readable.has(id));
    }),
    staffById: oneOfEach(
      (ids) => getStaffByIds(db, ids),
      (officer) => officer.id,
    ),
    staffOfOffice: rowsOfEachParent(
      (ids) => getStaffOfOffices(db, ids),
      (officer) => officer.officeId,
    ),
    unitAssignments: rowsOfEachParent(
      (ids) => getAssignmentsOfUnits(db, ids),
      (a) => a.unitId,
    ),
    /** The officer in charge of a unit on a day, null when none. */
    unitOfficer: byArguments<{ asOf: IsoDate }, number | null>(
      (unitIds, { asOf }) => getOfficersOn(db, unitIds, asOf),
      () => null,
    ),
  };
}
