import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { blockerReason } from './persons.ts';

/*
 * Rollups: derived from the base tables, maintained in the same transaction as every write that
 * changes them (see db/rollups.ts), so that coverage on any date is a sum over a few hundred day rows
 * instead of a scan of every person. Each "daily" row holds how many persons first counted for each
 * step on that day (a later step implies the earlier ones), and whether the unit was first contacted.
 *
 * They carry no foreign keys: only db/rollups.ts writes them, from ids it reads from the base tables
 * in the same transaction, and a rebuild rewrites them whole. A key would be checked row by row on
 * every rebuild (about 330.000 unit-day rows after a million-row import: over a second).
 */
const dailyCounts = {
  day: date('day').notNull(),
  registered: integer('registered').notNull().default(0),
  approved: integer('approved').notNull().default(0),
  activated: integer('activated').notNull().default(0),
  formSigned: integer('form_signed').notNull().default(0),
  verified: integer('verified').notNull().default(0),
  contacted: integer('contacted').notNull().default(0),
};

export const unitDaily = pgTable(
  'unit_daily',
  {
    unitId: integer('unit_id').notNull(),
    ...dailyCounts,
    /*
     * The unit's running totals up to and including this day. Coverage of any set of units on a day
     * is then one row per unit (its last on or before the day, or the one whose span, below, holds
     * it): the cost follows the number of units, not the number of days or persons.
     */
    registeredCum: integer('registered_cum').notNull().default(0),
    approvedCum: integer('approved_cum').notNull().default(0),
    activatedCum: integer('activated_cum').notNull().default(0),
    formSignedCum: integer('form_signed_cum').notNull().default(0),
    verifiedCum: integer('verified_cum').notNull().default(0),
    contactedCum: integer('contacted_cum').notNull().default(0),
    /*
     * The unit's next row's day ('infinity' for its last row): the row's running totals are the
     * unit's counts on every day of [day, next_day). The counts of every unit of the province on one
     * day are then the rows whose span holds it, found together in the span's SP-GiST index, where a
     * seek per unit for its last row on or before the day costs 8.000 seeks.
     */
    nextDay: date('next_day', { mode: 'string' }).notNull().default('infinity'),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.day] }),
    index('unit_daily_span_idx').using('spgist', sql`daterange(${t.day}, ${t.nextDay})`),
  ],
);

/** unit_daily summed over every unit inside each area (through area_closure). */
export const areaDaily = pgTable(
  'area_daily',
  {
    areaId: integer('area_id').notNull(),
    ...dailyCounts,
  },
  (t) => [primaryKey({ columns: [t.areaId, t.day] })],
);

/** The target of each unit and area: insured persons, and units for areas. */
export const unitTotals = pgTable('unit_totals', {
  unitId: integer('unit_id').primaryKey(),
  persons: integer('persons').notNull(),
});

export const areaTotals = pgTable('area_totals', {
  areaId: integer('area_id').primaryKey(),
  persons: integer('persons').notNull(),
  units: integer('units').notNull(),
});

/*
 * Stuck persons by reason (person_blockers), as changes per day: +1 on the day a reason was recorded
 * for a person, -1 on the day that person activated after it (a person who activated before the
 * reason's day never counts). The stuck persons of a scope on a day, by reason, are then a sum over
 * these rows up to the day: work in proportion to days and reasons for an area, to units otherwise,
 * never to persons. Kept by db/rollups.ts with the other rollups.
 */
const blockerChanges = {
  day: date('day').notNull(),
  reason: blockerReason('reason').notNull(),
  persons: integer('persons').notNull(),
};

export const unitBlockerDaily = pgTable(
  'unit_blocker_daily',
  { unitId: integer('unit_id').notNull(), ...blockerChanges },
  (t) => [primaryKey({ columns: [t.unitId, t.day, t.reason] })],
);

/** unit_blocker_daily summed over every unit inside each area (through unit_areas). */
export const areaBlockerDaily = pgTable(
  'area_blocker_daily',
  { areaId: integer('area_id').notNull(), ...blockerChanges },
  (t) => [primaryKey({ columns: [t.areaId, t.day, t.reason] })],
);
