CREATE TABLE "goals" (
	"area_id" integer PRIMARY KEY NOT NULL,
	"rate" numeric(5, 4) NOT NULL,
	"deadline" date NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_rate_range" CHECK ("goals"."rate" > 0 and "goals"."rate" <= 1)
);
--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;