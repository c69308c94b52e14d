CREATE TABLE "area_blocker_daily" (
	"area_id" integer NOT NULL,
	"day" date NOT NULL,
	"reason" "blocker_reason" NOT NULL,
	"persons" integer NOT NULL,
	CONSTRAINT "area_blocker_daily_area_id_day_reason_pk" PRIMARY KEY("area_id","day","reason")
);
--> statement-breakpoint
CREATE TABLE "unit_blocker_daily" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"reason" "blocker_reason" NOT NULL,
	"persons" integer NOT NULL,
	CONSTRAINT "unit_blocker_daily_unit_id_day_reason_pk" PRIMARY KEY("unit_id","day","reason")
);
--> statement-breakpoint
CREATE TRIGGER "unit_blocker_daily_bumps_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "unit_blocker_daily"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data');
--> statement-breakpoint
CREATE TRIGGER "area_blocker_daily_bumps_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "area_blocker_daily"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data');
--> statement-breakpoint
-- The rows of the data already there, as db/rollups.ts (unitBlockerSelect) computes them.
INSERT INTO "unit_blocker_daily" ("unit_id", "day", "reason", "persons")
SELECT p.unit_id, e.day, b.reason, sum(e.change)::int
FROM person_blockers b
JOIN persons p ON p.id = b.person_id
LEFT JOIN LATERAL (
  SELECT min(s.date) AS day FROM person_steps s WHERE s.person_id = b.person_id AND s.step >= 'ACTIVATED'
) a ON true
CROSS JOIN LATERAL (VALUES (b.recorded_on, 1), (a.day, -1)) AS e(day, change)
WHERE (a.day IS NULL OR a.day > b.recorded_on) AND e.day IS NOT NULL
GROUP BY p.unit_id, e.day, b.reason
HAVING sum(e.change) <> 0;
--> statement-breakpoint
INSERT INTO "area_blocker_daily" ("area_id", "day", "reason", "persons")
SELECT c.area_id, d.day, d.reason, sum(d.persons)::int
FROM unit_blocker_daily d JOIN unit_areas c ON c.unit_id = d.unit_id
GROUP BY c.area_id, d.day, d.reason
HAVING sum(d.persons) <> 0;
