import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { TRANSLATE_FROM, TRANSLATE_TO } from '../../lib/search.ts';
import { areas } from './areas.ts';
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
     * The most specific area known for the unit: its commune, or its district when the commune is not
     * known. District and commune are derived through the area hierarchy, so a hierarchy without a
     * district level needs no other column.
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
