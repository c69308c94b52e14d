import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { rowsOfEachParent } from '../loaders.ts';
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

/** The milestones of the given units, per unit in the order they happened (ties in the natural order of the steps). */
function getMilestonesOfUnits(db: Db, unitIds: readonly number[]): Promise<MilestoneRow[]> {
  return db.execute<MilestoneRow>(sql`
    select unit_id as "unitId", milestone, date, staff_id as "staffId", note
    from unit_milestones where unit_id = any(${intArray(unitIds)})
    order by unit_id, date, milestone`);
}

/** The training sessions the given units attended, per unit oldest first. */
function getTrainingsOfUnits(db: Db, unitIds: readonly number[]): Promise<TrainingRow[]> {
  return db.execute<TrainingRow>(sql`
    select s.id, a.unit_id as "unitId", s.office_id as "officeId", s.held_on as "heldOn", s.title, s.location
    from training_attendance a join training_sessions s on s.id = a.session_id
    where a.unit_id = any(${intArray(unitIds)})
    order by a.unit_id, s.held_on, s.id`);
}

export type OutreachLoaders = ReturnType<typeof outreachLoaders>;

export function outreachLoaders(db: Db) {
  return {
    unitMilestones: rowsOfEachParent(
      (ids) => getMilestonesOfUnits(db, ids),
      (m) => m.unitId,
    ),
    unitTrainings: rowsOfEachParent(
      (ids) => getTrainingsOfUnits(db, ids),
      (t) => t.unitId,
    ),
  };
}
