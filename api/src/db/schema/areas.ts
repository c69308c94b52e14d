import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  unique,
} from 'drizzle-orm/pg-core';

export const areaLevel = pgEnum('area_level', ['PROVINCE', 'DISTRICT', 'COMMUNE']);

/**
 * One version of the administrative map, in force from `valid_from` until the next one's (Khánh Hòa:
 * 2021's 9 districts, 1/11/2024's 132 communes, 1/7/2025's 65 communes and no districts). Areas belong
 * to one geography each; figures are read in any of them, so a 2021 report stays true in 2026.
 */
export const geographies = pgTable(
  'geographies',
  {
    id: serial('id').primaryKey(),
    /** The public id (KH-2021). */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull().unique(),
  },
  (t) => [check('geographies_code_format', sql`${t.code} ~ '^[0-9A-Za-z._-]{1,32}$'`)],
);

/**
 * Administrative areas as data, never as code: since 1/7/2025 Vietnam has no district level, so the
 * hierarchy is whatever the loaded reference list says, of any depth.
 */
export const areas = pgTable(
  'areas',
  {
    id: serial('id').primaryKey(),
    geographyId: integer('geography_id')
      .notNull()
      .references(() => geographies.id),
    /**
     * National administrative code (Khánh Hòa 56, Nha Trang 568, Phường Vĩnh Hòa 22327), unique within
     * its geography only: 22591 is Phường Ninh Giang in 2021 and Phường Hòa Thắng in 2025.
     */
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: areaLevel('level').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => areas.id),
  },
  (t) => [
    unique('areas_geography_code_key').on(t.geographyId, t.code),
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

/**
 * How a geography was formed from the one before it: each old area's new area, one row per part when
 * it was split, one of those its default (where its units go unless placed otherwise). Read forwards
 * it places units recorded in an older map; backwards it says what a commune was formed from.
 */
export const areaMappings = pgTable(
  'area_mappings',
  {
    geographyId: integer('geography_id')
      .notNull()
      .references(() => geographies.id, { onDelete: 'cascade' }),
    oldAreaId: integer('old_area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    newAreaId: integer('new_area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    isDefault: boolean('is_default').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.oldAreaId, t.newAreaId] }),
    index('area_mappings_new_idx').on(t.newAreaId),
    index('area_mappings_geography_idx').on(t.geographyId),
  ],
);
