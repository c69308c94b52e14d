CREATE TYPE "public"."area_level" AS ENUM('PROVINCE', 'DISTRICT', 'COMMUNE');--> statement-breakpoint
CREATE TYPE "public"."milestone" AS ENUM('LEADERSHIP_CONTACTED', 'GUIDE_SENT', 'REPRESENTATIVE_GUIDED', 'EMPLOYEES_GUIDED', 'TRAINING_ATTENDED');--> statement-breakpoint
CREATE TYPE "public"."blocker_reason" AS ENUM('NO_SMARTPHONE', 'NO_ID_DOCUMENT', 'WRONG_PHONE', 'DATA_MISMATCH', 'DECLINED', 'LEFT_UNIT', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('M', 'F');--> statement-breakpoint
CREATE TYPE "public"."step" AS ENUM('REGISTERED', 'APPROVED', 'ACTIVATED', 'FORM_SIGNED', 'VERIFIED');--> statement-breakpoint
CREATE TYPE "public"."sector" AS ENUM('HCSN', 'DNNN', 'FDI', 'NQD', 'HTX', 'KHAC');--> statement-breakpoint
CREATE TABLE "area_closure" (
	"ancestor_id" integer NOT NULL,
	"descendant_id" integer NOT NULL,
	"depth" integer NOT NULL,
	CONSTRAINT "area_closure_ancestor_id_descendant_id_pk" PRIMARY KEY("ancestor_id","descendant_id")
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" "area_level" NOT NULL,
	"parent_id" integer,
	CONSTRAINT "areas_code_unique" UNIQUE("code"),
	CONSTRAINT "areas_code_format" CHECK ("areas"."code" ~ '^[0-9A-Za-z.-]{1,16}$')
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"area_id" integer NOT NULL,
	CONSTRAINT "offices_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"session_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "training_attendance_session_id_unit_id_pk" PRIMARY KEY("session_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"location" text
);
--> statement-breakpoint
CREATE TABLE "unit_milestones" (
	"unit_id" integer NOT NULL,
	"milestone" "milestone" NOT NULL,
	"date" date NOT NULL,
	"staff_id" integer,
	"note" text,
	CONSTRAINT "unit_milestones_unit_id_milestone_pk" PRIMARY KEY("unit_id","milestone")
);
--> statement-breakpoint
CREATE TABLE "person_blockers" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"reason" "blocker_reason" NOT NULL,
	"recorded_on" date NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "person_steps" (
	"person_id" integer NOT NULL,
	"step" "step" NOT NULL,
	"date" date NOT NULL,
	CONSTRAINT "person_steps_person_id_step_pk" PRIMARY KEY("person_id","step")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" serial PRIMARY KEY NOT NULL,
	"social_insurance_code" text NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date,
	"gender" "gender",
	"id_number" text,
	"phone" text,
	"unit_id" integer NOT NULL,
	CONSTRAINT "persons_social_insurance_code_unique" UNIQUE("social_insurance_code"),
	CONSTRAINT "persons_si_code_format" CHECK ("persons"."social_insurance_code" ~ '^[0-9]{10}$'),
	CONSTRAINT "persons_id_number_format" CHECK ("persons"."id_number" ~ '^([0-9]{9}|[0-9]{12})$')
);
--> statement-breakpoint
CREATE TABLE "area_daily" (
	"area_id" integer NOT NULL,
	"day" date NOT NULL,
	"registered" integer DEFAULT 0 NOT NULL,
	"approved" integer DEFAULT 0 NOT NULL,
	"activated" integer DEFAULT 0 NOT NULL,
	"form_signed" integer DEFAULT 0 NOT NULL,
	"verified" integer DEFAULT 0 NOT NULL,
	"contacted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "area_daily_area_id_day_pk" PRIMARY KEY("area_id","day")
);
--> statement-breakpoint
CREATE TABLE "area_totals" (
	"area_id" integer PRIMARY KEY NOT NULL,
	"persons" integer NOT NULL,
	"units" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_daily" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"registered" integer DEFAULT 0 NOT NULL,
	"approved" integer DEFAULT 0 NOT NULL,
	"activated" integer DEFAULT 0 NOT NULL,
	"form_signed" integer DEFAULT 0 NOT NULL,
	"verified" integer DEFAULT 0 NOT NULL,
	"contacted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "unit_daily_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "unit_totals" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"persons" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"full_name" text NOT NULL,
	"office_id" integer NOT NULL,
	"email" text,
	"phone" text,
	CONSTRAINT "staff_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "unit_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"from_date" date NOT NULL,
	CONSTRAINT "unit_assignments_unit_from" UNIQUE("unit_id","from_date")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"tax_code" text,
	"address" text,
	"area_id" integer NOT NULL,
	"office_id" integer NOT NULL,
	"sector" "sector" NOT NULL,
	CONSTRAINT "units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "area_closure" ADD CONSTRAINT "area_closure_ancestor_id_areas_id_fk" FOREIGN KEY ("ancestor_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_closure" ADD CONSTRAINT "area_closure_descendant_id_areas_id_fk" FOREIGN KEY ("descendant_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_id_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_milestones" ADD CONSTRAINT "unit_milestones_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_milestones" ADD CONSTRAINT "unit_milestones_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_blockers" ADD CONSTRAINT "person_blockers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_steps" ADD CONSTRAINT "person_steps_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_daily" ADD CONSTRAINT "area_daily_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_totals" ADD CONSTRAINT "area_totals_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_daily" ADD CONSTRAINT "unit_daily_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_totals" ADD CONSTRAINT "unit_totals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_assignments" ADD CONSTRAINT "unit_assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_assignments" ADD CONSTRAINT "unit_assignments_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_closure_descendant_idx" ON "area_closure" USING btree ("descendant_id");--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "offices_area_idx" ON "offices" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "training_attendance_unit_idx" ON "training_attendance" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "unit_milestones_staff_idx" ON "unit_milestones" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "persons_unit_idx" ON "persons" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "staff_office_idx" ON "staff" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "unit_assignments_staff_idx" ON "unit_assignments" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "units_area_idx" ON "units" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "units_office_idx" ON "units" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "units_sector_idx" ON "units" USING btree ("sector");