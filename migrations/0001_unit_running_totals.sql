ALTER TABLE "unit_daily" ADD COLUMN "registered_cum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_daily" ADD COLUMN "approved_cum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_daily" ADD COLUMN "activated_cum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_daily" ADD COLUMN "form_signed_cum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_daily" ADD COLUMN "verified_cum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_daily" ADD COLUMN "contacted_cum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill the running totals of rollups written before this migration.
UPDATE "unit_daily" d SET
  "registered_cum" = x.registered_cum, "approved_cum" = x.approved_cum, "activated_cum" = x.activated_cum,
  "form_signed_cum" = x.form_signed_cum, "verified_cum" = x.verified_cum, "contacted_cum" = x.contacted_cum
FROM (
  SELECT unit_id, day,
    sum(registered) OVER w AS registered_cum, sum(approved) OVER w AS approved_cum,
    sum(activated) OVER w AS activated_cum, sum(form_signed) OVER w AS form_signed_cum,
    sum(verified) OVER w AS verified_cum, sum(contacted) OVER w AS contacted_cum
  FROM "unit_daily" WINDOW w AS (PARTITION BY unit_id ORDER BY day)
) x
WHERE x.unit_id = d.unit_id AND x.day = d.day;
