import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, primaryKey, serial, text, unique } from 'drizzle-orm/pg-core';
import { TRANSLATE_FROM, TRANSLATE_TO } from '../../lib/search.ts';
import { areas, geographies } from './areas.ts';
import { offices } from './offices.ts';
import { staff } from './staff.ts';

export const sector = pgEnum('sector', ['HCSN', 'DNNN', 'FDI', 'NQD', 'HTX', 'KHAC']);

export type Sector = (typeof sector.enumValues)[number];

/** An employer unit (đơn vị sử dụng lao động). */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    taxCode: text('tax_code'),
    address: text('address'),
    /**
     * The most specific area known for the unit, as recorded (in the geography of that area): its
     * commune, or its district when the commune is not known. Its place in every geography is derived
     * into unit_places (db/places.ts), which every read goes through.
     */
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id),
    sector: sector('sector').notNull(),
    /** Code and name folded for search (lib/search.ts): lowercase, no Vietnamese diacritics. */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql.raw(`lower(translate(code || ' ' || name, '${TRANSLATE_FROM}', '${TRANSLATE_TO}'))`),
      ),
  },
  (t) => [
    index('units_area_idx').on(t.areaId),
    index('units_office_idx').on(t.officeId),
    index('units_sector_idx').on(t.sector),
  ],
);

/**
 * Who was in charge of a unit from which date (phân công phụ trách). The officer in charge on day D is
 * the row with the latest from_date on or before D; history is never overwritten.
 */
export const unitAssignments = pgTable(
  'unit_assignments',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    fromDate: date('from_date').notNull(),
  },
  (t) => [
    unique('unit_assignments_unit_from').on(t.unitId, t.fromDate),
    index('unit_assignments_staff_idx').on(t.staffId),
  ],
);

/**
 * Every unit's area in every geography (derived from units.area_id through area_mappings by
 * db/places.ts, like the rollups). Reads go through unit_areas below.
 */
export const unitPlaces = pgTable(
  'unit_places',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    geographyId: integer('geography_id')
      .notNull()
      .references(() => geographies.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.geographyId] }), index('unit_places_area_idx').on(t.areaId)],
);

/**
 * Every (unit, area that holds it) in every geography, depth 0 being the unit's own place: unit_places
 * joined with area_closure, so that "the units inside an area" is one index range in whichever
 * geography the area belongs to. Kept as a table by db/places.ts, with unit_places, rather than read
 * through a view: every district head's query joins it, and through the view those took up to 1,7× as
 * long on PGlite as before there were geographies.
 */
export const unitAreas = pgTable(
  'unit_areas',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    geographyId: integer('geography_id').notNull(),
    areaId: integer('area_id').notNull(),
    depth: integer('depth').notNull(),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.unitId] }), index('unit_areas_unit_idx').on(t.unitId)],
);

/**
 * Where a unit of a split area lies in a geography, as the geography's `--units` file said; the
 * derivation follows it while the unit's area is still the one that was split.
 */
export const unitPlaceChoices = pgTable(
  'unit_place_choices',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    geographyId: integer('geography_id')
      .notNull()
      .references(() => geographies.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.geographyId] })],
);
