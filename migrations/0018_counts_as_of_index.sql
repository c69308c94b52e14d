-- A unit's counts on a day, read without visiting unit_daily itself: breakdowns by office, officer,
-- sector and unit, the units' tables and "units lagging most" look them up for every unit of the
-- scope (an index-only scan, where the primary key's index must also read the row: at province scale
-- 20–25 % of such a statement).
CREATE INDEX "unit_daily_counts_as_of_idx" ON "unit_daily" ("unit_id", "day")
  INCLUDE ("registered_cum", "approved_cum", "activated_cum", "form_signed_cum", "verified_cum", "contacted_cum");
