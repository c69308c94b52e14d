import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { units } from './units.ts';

export const gender = pgEnum('gender', ['M', 'F']);

/** The funnel, in order: a later step implies every earlier one. */
export const step = pgEnum('step', ['REGISTERED', 'APPROVED', 'ACTIVATED', 'FORM_SIGNED', 'VERIFIED']);

export type StepName = (typeof step.enumValues)[number];

export const blockerReason = pgEnum('blocker_reason', [
  'NO_SMARTPHONE',
  'NO_ID_DOCUMENT',
  'WRONG_PHONE',
  'DATA_MISMATCH',
  'DECLINED',
  'LEFT_UNIT',
  'OTHER',
]);

export type BlockerName = (typeof blockerReason.enumValues)[number];

/** An insured employee (người lao động) of a unit. Personal data: see the access-control rules. */
export const persons = pgTable(
  'persons',
  {
    id: serial('id').primaryKey(),
    socialInsuranceCode: text('social_insurance_code').notNull().unique(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date'),
    gender: gender('gender'),
    idNumber: text('id_number'),
    phone: text('phone'),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    index('persons_unit_idx').on(t.unitId),
    check('persons_si_code_format', sql`${t.socialInsuranceCode} ~ '^[0-9]{10}$'`),
    check('persons_id_number_format', sql`${t.idNumber} ~ '^([0-9]{9}|[0-9]{12})$'`),
  ],
);

/** The date each person reached a step; one row per person and step, the earliest date kept. */
export const personSteps = pgTable(
  'person_steps',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    step: step('step').notNull(),
    date: date('date').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.step] })],
);

/** Why a person is stuck, from the date it was recorded; one current reason per person. */
export const personBlockers = pgTable('person_blockers', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => persons.id, { onDelete: 'cascade' }),
  reason: blockerReason('reason').notNull(),
  recordedOn: date('recorded_on').notNull(),
  note: text('note'),
});
