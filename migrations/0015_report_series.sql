ALTER TABLE "published_reports" DROP CONSTRAINT "published_reports_year_seq";--> statement-breakpoint
ALTER TABLE "published_reports" ADD COLUMN "series" text DEFAULT 'province' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_reports" ADD CONSTRAINT "published_reports_series_year_seq" UNIQUE("series","year","seq");