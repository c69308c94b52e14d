ALTER TABLE "area_daily" DROP CONSTRAINT "area_daily_area_id_areas_id_fk";
--> statement-breakpoint
ALTER TABLE "area_totals" DROP CONSTRAINT "area_totals_area_id_areas_id_fk";
--> statement-breakpoint
ALTER TABLE "unit_daily" DROP CONSTRAINT "unit_daily_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "unit_totals" DROP CONSTRAINT "unit_totals_unit_id_units_id_fk";
