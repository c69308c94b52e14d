-- unit_areas was a view over unit_places and area_closure (0012); it becomes a table kept by
-- db/places.ts, filled here from the same join.
DROP VIEW "unit_areas";--> statement-breakpoint
CREATE TABLE "unit_areas" (
	"unit_id" integer NOT NULL,
	"geography_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"depth" integer NOT NULL,
	CONSTRAINT "unit_areas_area_id_unit_id_pk" PRIMARY KEY("area_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "unit_areas" ADD CONSTRAINT "unit_areas_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_areas_unit_idx" ON "unit_areas" USING btree ("unit_id");--> statement-breakpoint
INSERT INTO "unit_areas" ("unit_id", "geography_id", "area_id", "depth")
  SELECT p."unit_id", p."geography_id", c."ancestor_id", c."depth"
  FROM "unit_places" p JOIN "area_closure" c ON c."descendant_id" = p."area_id";