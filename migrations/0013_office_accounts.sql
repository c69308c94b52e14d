ALTER TABLE "users" DROP CONSTRAINT "users_role_binding";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "office_id" integer;--> statement-breakpoint
ALTER TABLE "published_reports" ADD COLUMN "office_id" integer;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_reports" ADD CONSTRAINT "published_reports_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_binding" CHECK (("users"."role" = 'DISTRICT') = ("users"."area_id" is not null or "users"."office_id" is not null) and ("users"."area_id" is null or "users"."office_id" is null) and ("users"."role" = 'OFFICER') = ("users"."staff_id" is not null));