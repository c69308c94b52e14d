import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { Db } from '../client.ts';
import type { Tx } from '../rollups.ts';
import { type ImportOutcome, imports, users } from '../schema/index.ts';
import { areaFiguresInReach } from './scope.ts';

/**
 * A problem of an import file as the history keeps it (the import engine's `Problem` narrows the code
 * to the ones it knows); the messages are stored as they were given.
 */
export interface StoredProblem {
  /** The row as a spreadsheet shows it (the header is row 1); null for the file as a whole. */
  row: number | null;
  /** The column's English name; null when the problem is not about one column. */
  column: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  messageVi: string;
}

/** One import as the history keeps it. */
export interface ImportRow {
  id: number;
  kind: string;
  fileName: string;
  sha256: string;
  /** The account's username, for imports through the API. */
  username: string | null;
  osUser: string | null;
  startedAt: Date;
  finishedAt: Date;
  rowsRead: number;
  rowsWritten: number;
  rowsUnchanged: number;
  rowsRejected: number;
  warnings: number;
  outcome: ImportOutcome;
  problems: StoredProblem[];
}

export type NewImport = Omit<ImportRow, 'id' | 'username'> & { userId: number | null };

/**
 * An import's history row from its first moment, as RUNNING: a process stopped mid-import (killed,
 * out of memory, the machine restarted) leaves it so, and the next start marks it FAILED.
 */
export async function startImport(db: Db, entry: NewImport): Promise<number> {
  const [row] = await db
    .insert(imports)
    .values({ ...entry, outcome: 'RUNNING' })
    .returning({ id: imports.id });
  return row?.id as number;
}

/** Writes how an import ended; in the import's transaction when it applied, else on its own. */
export async function finishImport(db: Db | Tx, id: number, entry: NewImport): Promise<void> {
  await (db as Db).update(imports).set(entry).where(eq(imports.id, id));
}

/*
 * A running import holds this advisory lock (with its id) from the moment its RUNNING row exists until
 * its outcome is written: a server that starts while `pnpm cli import` runs on the same PostgreSQL
 * leaves that import alone. Most of an import's statements run outside a transaction, so the lock is
 * a session-level one, in the import's own session (reserveSession); on a server that is its
 * connection, and a process that is killed loses the lock with it. On the embedded database every
 * connection shares PGlite's one session, so the lock tells nothing to another connection: there the
 * server marks RUNNING imports FAILED at its own start, when nothing else can be importing yet.
 */
const RUNNING_IMPORT_LOCK = 7_110_001;

/** Taken on the import's connection in the transaction that inserts its RUNNING row. */
export async function holdRunningImport(db: Db | Tx, id: number): Promise<void> {
  await db.execute(sql`select pg_advisory_lock(${RUNNING_IMPORT_LOCK}, ${id}::int)`);
}

/** Given back on the same connection once the import's outcome is written. */
export async function releaseRunningImport(db: Db | Tx, id: number): Promise<void> {
  await db.execute(sql`select pg_advisory_unlock(${RUNNING_IMPORT_LOCK}, ${id}::int)`);
}

/**
 * Marks FAILED, with `problems`, the imports still RUNNING whose transaction no process holds: those
 * that were under way when their process stopped. Returns their ids.
 */
export async function failAbandonedImports(db: Db, problems: StoredProblem[]): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`
    update imports set outcome = 'FAILED', finished_at = now(), problems = ${JSON.stringify(problems)}::jsonb
    where outcome = 'RUNNING' and pg_try_advisory_xact_lock(${RUNNING_IMPORT_LOCK}, id::int)
    returning id`);
  return rows.map((r) => Number(r.id));
}

const columns = {
  id: imports.id,
  kind: imports.kind,
  fileName: imports.fileName,
  sha256: imports.sha256,
  username: users.username,
  osUser: imports.osUser,
  startedAt: imports.startedAt,
  finishedAt: imports.finishedAt,
  rowsRead: imports.rowsRead,
  rowsWritten: imports.rowsWritten,
  rowsUnchanged: imports.rowsUnchanged,
  rowsRejected: imports.rowsRejected,
  warnings: imports.warnings,
  outcome: imports.outcome,
  problems: imports.problems,
};

/** The last time these exact bytes were applied as this kind, if ever. */
/**
 * The last time the same bytes were applied as the same kind, among the imports the caller's history
 * shows (listImports' rule): a district head is not told that an account outside their area, or the
 * province, imported a file they hold too, nor its username.
 */
export async function findAppliedImport(
  db: Db,
  sha256: string,
  kind: string,
  reach: Reach,
): Promise<ImportRow | null> {
  const [row] = await db
    .select(columns)
    .from(imports)
    .leftJoin(users, eq(users.id, imports.userId))
    .where(
      and(
        eq(imports.sha256, sha256),
        eq(imports.kind, kind),
        eq(imports.outcome, 'APPLIED'),
        importersInReach(reach),
      ),
    )
    .orderBy(desc(imports.startedAt), desc(imports.id))
    .limit(1);
  return (row as ImportRow | undefined) ?? null;
}

/**
 * The condition on the importing account (`users`, left-joined) that its imports are within reach:
 * every import for the province's roles; for a district head, those of accounts bound to an area
 * whose figures are theirs; for an office's account, those of accounts of that office.
 */
function importersInReach(reach: Reach): SQL {
  if (reach.kind === 'office') return sql`${users.officeId} = ${reach.officeId}`;
  return areaFiguresInReach(reach, sql`${users.areaId}`);
}

/**
 * The history, newest first, of one kind or all, within reach: a district head sees the imports of
 * the accounts of their area (not the province's file names and counts), the province's roles all.
 */
export async function listImports(
  db: Db,
  params: { first: number; offset: number; kind?: string | null; reach: Reach },
): Promise<ImportRow[]> {
  const inReach = importersInReach(params.reach);
  const filter = params.kind ? and(eq(imports.kind, params.kind), inReach) : inReach;
  const rows = await db
    .select(columns)
    .from(imports)
    .leftJoin(users, eq(users.id, imports.userId))
    .where(filter)
    .orderBy(desc(imports.startedAt), desc(imports.id))
    .limit(params.first)
    .offset(params.offset);
  return rows as ImportRow[];
}
