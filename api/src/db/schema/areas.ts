import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
} from 'drizzle-orm/pg-core';

export const areaLevel = pgEnum('area_level', ['PROVINCE', 'DISTRICT', 'COMMUNE']);

/**
 * Administrative areas as data, never as code: since 1/7/2025 Vietnam has no district level, so the
 * hierarchy is whatever the loaded reference list says, of any depth.
 */
export const areas = pgTable(
  'areas',
  {
    id: serial('id').primaryKey(),
    /** National administrative code (Khánh Hòa 56, Nha Trang 568, Phường Vĩnh Hòa 22327). */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    level: areaLevel('level').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => areas.id),
  },
  (t) => [
    index('areas_parent_idx').on(t.parentId),
    check('areas_code_format', sql`${t.code} ~ '^[0-9A-Za-z.-]{1,16}$'`),
  ],
);

/**
 * Every (ancestor, descendant) pair, including each area with itself at depth 0. "Everything inside an
 * area" is then one indexed join instead of a recursive query on every read, and access control can
 * limit any read to an area's subtree the same way.
 */
export const areaClosure = pgTable(
  'area_closure',
  {
    ancestorId: integer('ancestor_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    descendantId: integer('descendant_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    depth: integer('depth').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ancestorId, t.descendantId] }),
    index('area_closure_descendant_idx').on(t.descendantId),
  ],
);
