import { sql } from 'drizzle-orm';
import { check, date, integer, numeric, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';

/**
 * A target activation rate with a deadline (chỉ tiêu) for an area. An area without its own goal
 * answers to the nearest area above it that has one, so one goal for the province covers everything.
 */
export const goals = pgTable(
  'goals',
  {
    areaId: integer('area_id')
      .primaryKey()
      .references(() => areas.id, { onDelete: 'cascade' }),
    rate: numeric('rate', { precision: 5, scale: 4, mode: 'number' }).notNull(),
    deadline: date('deadline').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('goals_rate_range', sql`${t.rate} > 0 and ${t.rate} <= 1`)],
);
