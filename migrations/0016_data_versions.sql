CREATE TABLE "data_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pending_bumps" (
	"name" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_versions" ("name", "version") VALUES ('data', 0), ('auth', 0);
--> statement-breakpoint
-- A writing transaction bumps each counter once, at its commit. Its first write statement notes that it
-- wrote (pending_bumps, where nothing conflicts); a deferred trigger on that note bumps the counter when
-- the transaction commits, so the counter's row lock is the last lock a writer takes and is held only
-- while it commits: writers never wait on it in the middle of their work, nor deadlock on it. The
-- counter is committed with the data, so a reader that sees the new value sees the data written too.
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('vssid.bumped_' || TG_ARGV[0], true) IS DISTINCT FROM '1' THEN
    INSERT INTO "pending_bumps" ("name") VALUES (TG_ARGV[0]);
    PERFORM set_config('vssid.bumped_' || TG_ARGV[0], '1', true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "commit_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = NEW."name";
  DELETE FROM "pending_bumps" WHERE ctid = NEW.ctid;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "pending_bumps_commit" AFTER INSERT ON "pending_bumps"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "commit_data_version"();
--> statement-breakpoint
-- Every table an answer is read from bumps 'data'. Left out: the logs a read itself writes (access_log,
-- refusal_log, refusal_alerts, account_events, audit_log) and the imports' own bookkeeping, which the
-- caches never answer from; accounts, sessions and tokens bump 'auth' below.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['area_closure', 'area_daily', 'area_mappings', 'area_totals', 'areas',
    'geographies', 'goals', 'offices', 'person_blockers', 'person_steps', 'persons', 'published_reports',
    'staff', 'training_attendance', 'training_sessions', 'unit_areas', 'unit_assignments', 'unit_daily',
    'unit_milestones', 'unit_place_choices', 'unit_places', 'unit_totals', 'units']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"(''data'')', t || '_bumps_data_version', t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- A new session or token is looked up when first seen; what must reach every server at once is an end:
-- a sign-out, a revocation, a disabled account, a changed password or role. A token's last_used_at,
-- written while it is used, changes no answer and bumps nothing.
CREATE TRIGGER "users_bumps_auth_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('auth');
--> statement-breakpoint
CREATE TRIGGER "sessions_bumps_auth_version" BEFORE UPDATE OR DELETE OR TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('auth');
--> statement-breakpoint
CREATE TRIGGER "api_tokens_bumps_auth_version"
  BEFORE UPDATE OF "user_id", "prefix", "hash", "expires_at", "revoked_at" OR DELETE OR TRUNCATE ON "api_tokens"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('auth');
