-- A unit's activations on a day, read without visiting unit_daily itself: the units' tables and
-- "units lagging most" look this up for every unit of the scope before they sort them (an index-only
-- scan, where the primary key's index must also read the row).
CREATE INDEX "unit_daily_activated_as_of_idx" ON "unit_daily" ("unit_id", "day") INCLUDE ("activated_cum");
