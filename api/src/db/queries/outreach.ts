import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import type { MilestoneName } from '../schema/index.ts';
import { intArray } from '../sql.ts';

export interface MilestoneRow extends Record<string, unknown> {
  unitId: number;
  milestone: MilestoneName;
  date: IsoDate;
  staffId: number | null;
  note: string | null;
}

export interface TrainingSessionRow extends Record<string, unknown> {
  id: number;
  officeId: number;
  heldOn: IsoDate;
  title: string;
  location: string | null;
}

/** A session as one unit attended it. */
export interface TrainingRow extends TrainingSessionRow {
  unitId: number;
}

/** Each unit's milestones in the order they happened (ties in the natural order of the steps). */
export async function getMilestonesOfUnits(
  db: Db,
  unitIds: readonly number[],
): Promise<Map<number, MilestoneRow[]>> {
  const byUnit = new Map<number, MilestoneRow[]>(unitIds.map((id) => [id, []]));
  const rows = await db.execute<MilestoneRow>(sql`
    select unit_id as "unitId", milestone, date, staff_id as "staffId", note
    from unit_milestones where unit_id = any(${intArray(unitIds)})
    order by unit_id, date, milestone`);
  for (const row of rows) byUnit.get(row.unitId)?.push(row);
  return byUnit;
}

/** The training sessions each unit attended, oldest first. */
export async function getTrainingsOfUnits(
  db: Db,
  unitIds: readonly number[],
): Promise<Map<number, TrainingRow[]>> {
  const byUnit = new Map<number, TrainingRow[]>(unitIds.map((id) => [id, []]));
  const rows = await db.execute<TrainingRow>(sql`
    select s.id, a.unit_id as "unitId", s.office_id as "officeId", s.held_on as "heldOn", s.title, s.location
    from training_attendance a join training_sessions s on s.id = a.session_id
    where a.unit_id = any(${intArray(unitIds)})
    order by a.unit_id, s.held_on, s.id`);
  for (const row of rows) byUnit.get(row.unitId)?.push(row);
  return byUnit;
}
