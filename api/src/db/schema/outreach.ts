import { date, index, integer, pgEnum, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { offices } from './offices.ts';
import { staff } from './staff.ts';
import { units } from './units.ts';

/** A unit's outreach milestones, in their natural order (TRAINING_ATTENDED may happen at any time). */
export const milestone = pgEnum('milestone', [
  'LEADERSHIP_CONTACTED',
  'GUIDE_SENT',
  'REPRESENTATIVE_GUIDED',
  'EMPLOYEES_GUIDED',
  'TRAINING_ATTENDED',
]);

export type MilestoneName = (typeof milestone.enumValues)[number];

export const unitMilestones = pgTable(
  'unit_milestones',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    milestone: milestone('milestone').notNull(),
    date: date('date').notNull(),
    staffId: integer('staff_id').references(() => staff.id),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.milestone] }), index('unit_milestones_staff_idx').on(t.staffId)],
);

/** A training session (buổi tập huấn) held by an office. */
export const trainingSessions = pgTable('training_sessions', {
  id: serial('id').primaryKey(),
  officeId: integer('office_id')
    .notNull()
    .references(() => offices.id),
  heldOn: date('held_on').notNull(),
  title: text('title').notNull(),
  location: text('location'),
});

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.unitId] }),
    index('training_attendance_unit_idx').on(t.unitId),
  ],
);
