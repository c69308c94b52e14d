CREATE TABLE "area_mappings" (
	"geography_id" integer NOT NULL,
	"old_area_id" integer NOT NULL,
	"new_area_id" integer NOT NULL,
	"is_default" boolean NOT NULL,
	CONSTRAINT "area_mappings_old_area_id_new_area_id_pk" PRIMARY KEY("old_area_id","new_area_id")
);
--> statement-breakpoint
CREATE TABLE "geographies" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"valid_from" date NOT NULL,
	CONSTRAINT "geographies_code_unique" UNIQUE("code"),
	CONSTRAINT "geographies_valid_from_unique" UNIQUE("valid_from"),
	CONSTRAINT "geographies_code_format" CHECK ("geographies"."code" ~ '^[0-9A-Za-z._-]{1,32}$')
);
--> statement-breakpoint
CREATE TABLE "unit_place_choices" (
	"unit_id" integer NOT NULL,
	"geography_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	CONSTRAINT "unit_place_choices_unit_id_geography_id_pk" PRIMARY KEY("unit_id","geography_id")
);
--> statement-breakpoint
CREATE TABLE "unit_places" (
	"unit_id" integer NOT NULL,
	"geography_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	CONSTRAINT "unit_places_unit_id_geography_id_pk" PRIMARY KEY("unit_id","geography_id")
);
--> statement-breakpoint
ALTER TABLE "areas" DROP CONSTRAINT "areas_code_unique";--> statement-breakpoint
-- The areas already here are the first geography: Khánh Hòa's map before 1/11/2024, in force from
-- any day the data holds (1900-01-01 stands for "always before the next one").
INSERT INTO "geographies" ("code", "name", "valid_from")
  VALUES ('KH-2021', 'Trước 01/11/2024: 9 huyện, thị xã, thành phố', '1900-01-01');--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "geography_id" integer;--> statement-breakpoint
UPDATE "areas" SET "geography_id" = (SELECT "id" FROM "geographies" WHERE "code" = 'KH-2021');--> statement-breakpoint
ALTER TABLE "areas" ALTER COLUMN "geography_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "area_mappings" ADD CONSTRAINT "area_mappings_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_mappings" ADD CONSTRAINT "area_mappings_old_area_id_areas_id_fk" FOREIGN KEY ("old_area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_mappings" ADD CONSTRAINT "area_mappings_new_area_id_areas_id_fk" FOREIGN KEY ("new_area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_place_choices" ADD CONSTRAINT "unit_place_choices_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_place_choices" ADD CONSTRAINT "unit_place_choices_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_place_choices" ADD CONSTRAINT "unit_place_choices_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_places" ADD CONSTRAINT "unit_places_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_places" ADD CONSTRAINT "unit_places_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_places" ADD CONSTRAINT "unit_places_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_mappings_new_idx" ON "area_mappings" USING btree ("new_area_id");--> statement-breakpoint
CREATE INDEX "area_mappings_geography_idx" ON "area_mappings" USING btree ("geography_id");--> statement-breakpoint
CREATE INDEX "unit_places_area_idx" ON "unit_places" USING btree ("area_id");--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_geography_code_key" UNIQUE("geography_id","code");--> statement-breakpoint
INSERT INTO "unit_places" ("unit_id", "geography_id", "area_id")
  SELECT u."id", a."geography_id", u."area_id" FROM "units" u JOIN "areas" a ON a."id" = u."area_id";--> statement-breakpoint
-- Every (unit, area that holds it) in every geography: the one join by which reads find the units of
-- an area, whichever geography it belongs to.
CREATE VIEW "unit_areas" AS
  SELECT p."unit_id", p."geography_id", c."ancestor_id" AS "area_id", c."depth"
  FROM "unit_places" p JOIN "area_closure" c ON c."descendant_id" = p."area_id";
