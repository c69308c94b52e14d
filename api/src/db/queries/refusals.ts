import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import type { Viewer } from '../../auth/reach.ts';
import type { Db } from '../client.ts';
import type { RefusalReason } from '../schema/index.ts';

/*
 * Refused reads of persons' data: every one is written to refusal_log (who, when, which field, what
 * was asked, why) before the refusal is answered, the refusals of one request tick in one insert. The
 * write that takes an account past the threshold within a minute raises an alert (refusal_alerts),
 * which the caller of `logRefusals` reports; ADMIN reads both.
 */

/** One refusal: the field refused, what was asked (a person's id, a unit's code) and why. */
export interface RefusalEntry {
  field: string;
  argument: string;
  reason: RefusalReason;
  /** The GraphQL operation as sent, or the import's file name. */
  operation: string;
}

/** An alert just raised: the account went past `threshold` refusals within a minute. */
export interface RaisedAlert {
  userId: number;
  refusals: number;
  threshold: number;
  /** The first refusal of the minute (ISO 8601, UTC). */
  startedAt: string;
}

const MAX_OPERATION = 2_000;
const MAX_ARGUMENT = 100;
/** The first key of the advisory lock that orders one account's refusal writes (the second is its id). */
const ALERT_LOCK = 0x7265_6673;

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * Writes the refusals of one account, and raises an alert when they take it past `threshold` within a
 * minute: while an alert's minute lasts, later refusals add to it; after it, the refusals counted for
 * a new one are those of the last minute that no earlier alert counted. One transaction, ordered per
 * account by an advisory lock, so two requests of one account cannot both raise the same alert.
 */
export async function logRefusals(
  db: Db,
  userId: number,
  entries: readonly RefusalEntry[],
  threshold: number,
): Promise<RaisedAlert | null> {
  if (entries.length === 0) return null;
  const rows = entries.map((e) => ({
    field: e.field,
    argument: e.argument.slice(0, MAX_ARGUMENT),
    reason: e.reason,
    operation: e.operation.slice(0, MAX_OPERATION),
  }));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ALERT_LOCK}::int, ${userId}::int)`);
    await tx.execute(sql`
      insert into refusal_log (user_id, field, argument, reason, operation)
      select ${userId}, r.field, r.argument, r.reason::refusal_reason, r.operation
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(field text, argument text, reason text, operation text)`);
    const [open] = await tx.execute<{ id: number }>(sql`
      select id from refusal_alerts
      where user_id = ${userId} and started_at > now() - interval '1 minute'
      order by started_at desc limit 1`);
    if (open) {
      await tx.execute(
        sql`update refusal_alerts set refusals = refusals + ${rows.length} where id = ${open.id}`,
      );
      return null;
    }
    // The refusals of the last minute that came after the minute of the account's last alert.
    const [recent] = await tx.execute<{ n: number; first: string | null }>(sql`
      select count(*)::int as n, ${iso('min(l.at)')} as first from refusal_log l
      where l.user_id = ${userId} and l.at > greatest(now() - interval '1 minute',
        coalesce((select max(a.started_at) + interval '1 minute' from refusal_alerts a where a.user_id = ${userId}), '-infinity'))`);
    if (!recent || recent.n <= threshold || !recent.first) return null;
    await tx.execute(sql`
      insert into refusal_alerts (user_id, started_at, refusals, threshold)
      values (${userId}, ${recent.first}, ${recent.n}, ${threshold})`);
    return { userId, refusals: recent.n, threshold, startedAt: recent.first };
  });
}

export interface RefusalRow extends Record<string, unknown> {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  username: string;
  role: string;
  field: string;
  argument: string;
  reason: RefusalReason;
  operation: string;
}

/** The refusal log, newest first, optionally for one account. */
export async function listRefusals(
  db: Db,
  params: { username?: string; first: number; offset: number },
): Promise<{ entries: RefusalRow[]; totalCount: number }> {
  const where = params.username ? sql`u.username = ${params.username}` : sql`true`;
  const [rows, [count]] = await Promise.all([
    db.execute<RefusalRow>(sql`
      select l.id, ${iso('l.at')} as at, u.username, u.role::text as role, l.field, l.argument,
        l.reason::text as reason, l.operation
      from refusal_log l join users u on u.id = l.user_id
      where ${where}
      order by l.at desc, l.id desc
      limit ${params.first} offset ${params.offset}`),
    db.execute<{ n: number }>(sql`
      select count(*)::int as n from refusal_log l join users u on u.id = l.user_id where ${where}`),
  ]);
  return { entries: rows, totalCount: count?.n ?? 0 };
}

export interface RefusalAlertRow extends Record<string, unknown> {
  username: string;
  role: string;
  /** The most refusals of the account within one minute, over the period. */
  refusals: number;
  /** When that minute began (ISO 8601, UTC). */
  at: string;
  /** How many alerts the account raised over the period (one per minute past the threshold). */
  minutes: number;
  /** When the last alert's minute began (ISO 8601, UTC). */
  lastAt: string;
}

/**
 * The accounts that were refused more than the threshold within a minute over the last `hours` (by the
 * database's clock, which dated the refusals): each with its worst minute, how many such minutes and
 * the last one; the worst first.
 */
export function listRefusalAlerts(db: Db, hours: number): Promise<RefusalAlertRow[]> {
  const since = sql`now() - make_interval(hours => ${hours}::int)`;
  return db.execute<RefusalAlertRow>(sql`
    select u.username, u.role::text as role, w.refusals, ${iso('w.started_at')} as at,
      s.minutes, ${iso('s.last')} as "lastAt"
    from (
      select user_id, count(*)::int as minutes, max(started_at) as last from refusal_alerts
      where started_at >= ${since} group by user_id
    ) s
    cross join lateral (
      select a.refusals, a.started_at from refusal_alerts a
      where a.user_id = s.user_id and a.started_at >= ${since}
      order by a.refusals desc, a.started_at desc limit 1
    ) w
    join users u on u.id = s.user_id
    order by w.refusals desc, u.username`);
}

export interface RefusalOptions {
  /** More refusals than this within a minute raise an alert. */
  threshold: number;
  /** Told of each alert raised (the server prints it). */
  onAlert: (alert: RaisedAlert & { username: string }) => void;
}

export type RefusalLoaders = ReturnType<typeof refusalLoaders>;

export function refusalLoaders(db: Db, viewer: Pick<Viewer, 'userId' | 'username'>, options: RefusalOptions) {
  return {
    /** Writes the refusals of one tick to the refusal log in one statement, raising an alert if due. */
    refusalLog: new DataLoader<RefusalEntry, true>(
      async (entries) => {
        const alert = await logRefusals(db, viewer.userId, entries, options.threshold);
        if (alert) options.onAlert({ ...alert, username: viewer.username });
        return entries.map(() => true as const);
      },
      { cache: false },
    ),
  };
}
