import { index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';

/** A BHXH office (BHXH tỉnh or BHXH huyện); it covers an area and manages units. */
export const offices = pgTable(
  'offices',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
  },
  (t) => [index('offices_area_idx').on(t.areaId)],
);
