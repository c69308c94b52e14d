CREATE TYPE "public"."refusal_reason" AS ENUM('OUT_OF_REACH', 'NOT_FOUND', 'ROLE');--> statement-breakpoint
CREATE TABLE "refusal_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refusals" integer NOT NULL,
	"threshold" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refusal_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer NOT NULL,
	"field" text NOT NULL,
	"argument" text NOT NULL,
	"reason" "refusal_reason" NOT NULL,
	"operation" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "refusal_alerts" ADD CONSTRAINT "refusal_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refusal_log" ADD CONSTRAINT "refusal_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refusal_alerts_raised_idx" ON "refusal_alerts" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "refusal_alerts_user_idx" ON "refusal_alerts" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "refusal_log_at_idx" ON "refusal_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "refusal_log_user_idx" ON "refusal_log" USING btree ("user_id","at");