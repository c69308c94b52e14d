ALTER TABLE "unit_daily" ADD COLUMN "next_day" date DEFAULT 'infinity' NOT NULL;--> statement-breakpoint
-- Each row's next_day for the data already there, as db/rollups.ts (unitDailySelect) computes it.
UPDATE "unit_daily" d SET "next_day" = n.next_day
FROM (SELECT unit_id, day, lead(day) OVER (PARTITION BY unit_id ORDER BY day) AS next_day FROM "unit_daily") n
WHERE n.unit_id = d.unit_id AND n.day = d.day AND n.next_day IS NOT NULL;--> statement-breakpoint
CREATE INDEX "unit_daily_span_idx" ON "unit_daily" USING spgist (daterange("day", "next_day"));
