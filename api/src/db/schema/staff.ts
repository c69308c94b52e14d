import { index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { offices } from './offices.ts';

/** An officer of BHXH (CCVC: cán bộ, công chức, viên chức, lao động). */
export const staff = pgTable(
  'staff',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    fullName: text('full_name').notNull(),
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id),
    email: text('email'),
    phone: text('phone'),
  },
  (t) => [index('staff_office_idx').on(t.officeId)],
);
