import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { EVERYTHING, type Reach } from '../auth/reach.ts';
import { type Db, isServer, reserveSession } from '../db/client.ts';
import { geographyOn } from '../db/queries/geographies.ts';
import {
  failAbandonedImports,
  findAppliedImport,
  finishImport,
  holdRunningImport,
  type NewImport,
  releaseRunningImport,
  startImport,
} from '../db/queries/imports.ts';
import type { Tx } from '../db/rollups.ts';
import type { ImportOutcome } from '../db/schema/index.ts';
import { ANALYZE_AFTER_ROWS, refreshStatistics } from '../db/statistics.ts';
import { today } from '../lib/dates.ts';
import { applyRows, countRows } from './apply.ts';
import { type ImportKind, KIND_SPECS } from './columns.ts';
import { FileRefusedError } from './encoding.ts';
import { type Problem, problem } from './problems.ts';
import { openSheet, type Sheet } from './read.ts';
import {
  countStaged,
  createStaging,
  dropAbandonedStaging,
  dropRows,
  dropStaging,
  findAreaCycles,
  findCommunesOutsideDistricts,
  findDuplicates,
  findOutOfReach,
  findStepsOutOfOrder,
  findUnitsWithoutArea,
  findUnknownReferences,
  finishStaging,
  openStager,
  type StagedRow,
  stagingTable,
} from './stage.ts';
import { type HeaderMap, isBlank, mapHeader, validateRow } from './validate.ts';

/*
 * One import: read → check each row → stage → check the rows together → write. By default one invalid
 * row and nothing is written; `skipInvalid` writes the valid rows; `dryRun` does everything, reports
 * what would have happened and rolls back. Whatever the outcome, the history gets a row: RUNNING from
 * the start, then its outcome, in the write transaction when the import applied (a crash loses both or
 * neither), on its own otherwise.
 *
 * The import runs in a session of its own (reserveSession: on a server, a connection of the pool).
 * Reading, the checks of each row, staging and the checks of the rows together are statements of
 * their own, into a staging table of the import's own (stage.ts); they write nothing but that table.
 * Only the write is one transaction: the upserts, the rollups and the history row. On the embedded
 * database a connection holds PGlite's one session for its statement or transaction only, so the
 * server answers other queries between the import's statements, and waits behind it only while it
 * writes.
 */

export interface ImportActor {
  /** The account, for imports through the API; null for the command line. */
  userId: number | null;
  /** The operating-system user of `pnpm cli`. */
  osUser: string | null;
}

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  /** The whole file: its SHA-256 recognises a file imported before, and its encoding is checked first. */
  bytes: Buffer;
  dryRun?: boolean;
  skipInvalid?: boolean;
  /** The encoding of a CSV file that is not UTF-8 (see encoding.ts). */
  encoding?: string;
  actor: ImportActor;
  /** What the actor may act on; the command line has everything. */
  reach?: Reach;
  /**
   * The geography (internal id) whose area codes the file names; the one in force on the day of the
   * import when omitted.
   */
  geographyId?: number;
  /**
   * PostgreSQL's work_mem for the import's connection ("64MB"): lets the joins and sorts over a
   * million staged rows run in memory. Left unset on the embedded database, whose memory is this
   * process's own.
   */
  workMem?: string;
  now?: Date;
  /** Called every PROGRESS_EVERY rows read, and as each later phase starts. */
  onProgress?: (event: ImportProgress) => void;
  /**
   * Told, once the import has ended whatever its outcome, of the persons outside the caller's reach
   * that the file named (their rows refused): the HTTP route writes them to the refusal log.
   */
  onPersonsRefused?: (personIds: readonly number[]) => Promise<void>;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing';
  rowsRead: number;
}

/** How an import ended: every outcome but RUNNING, which only the history shows. */
export type EndedOutcome = Exclude<ImportOutcome, 'RUNNING'>;

export interface ImportSummary {
  importId: number;
  /**
   * Whether the file was (or, for a dry run, would be) applied: no error, or with `skipInvalid` at
   * least one valid row. The command line exits with 1 when it is not.
   */
  accepted: boolean;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  outcome: EndedOutcome;
  format: 'csv' | 'xlsx' | null;
  encoding: string | null;
  /** Data rows in the file (blank rows are not counted). */
  rowsRead: number;
  rowsNew: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  /** Rows with at least one error: not written. */
  rowsRejected: number;
  errors: number;
  warnings: number;
  /** Errors and warnings, by row; at most MAX_LISTED, the rest only counted in `problemsOmitted`. */
  problems: Problem[];
  problemsOmitted: number;
  /** The last time the same bytes were applied as the same kind. */
  alreadyImported: { importId: number; at: Date; by: string } | null;
}

const BATCH = 10_000;
const PROGRESS_EVERY = 100_000;
const MAX_LISTED = 100_000;
/** Problems the history keeps per import. */
const MAX_RECORDED = 200;

/** Kinds that are the province's own lists: only a caller who reaches everything imports them. */
const PROVINCE_KINDS: ReadonlySet<ImportKind> = new Set(['areas', 'offices', 'staff']);

class Problems {
  listed: Problem[] = [];
  omitted = 0;
  errors = 0;
  warnings = 0;
  add(list: Problem[]): void {
    for (const p of list) {
      if (p.severity === 'error') this.errors++;
      else this.warnings++;
      if (this.listed.length < MAX_LISTED) this.listed.push(p);
      else this.omitted++;
    }
  }
  sorted(): Problem[] {
    return [...this.listed].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}

/** Ends the transaction without writing, carrying what the import found. */
class RolledBack extends Error {
  constructor(readonly outcome: 'REJECTED' | 'DRY_RUN') {
    super(outcome);
  }
}

interface Counts {
  rowsRead: number;
  rowsNew: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
}

export async function runImport(db: Db, request: ImportRequest): Promise<ImportSummary> {
  const startedAt = request.now ?? new Date();
  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  const reach = request.reach ?? EVERYTHING;
  const problems = new Problems();
  const counts: Counts = { rowsRead: 0, rowsNew: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: 0 };
  let sheet: Sheet | null = null;
  let accepted = false;
  const refusedPersons: number[] = [];
  let geographyId = 0;

  const entryOf = (outcome: ImportOutcome, sorted = problems.sorted()): NewImport => {
    return {
      kind: request.kind,
      fileName: request.fileName,
      sha256,
      userId: request.actor.userId,
      osUser: request.actor.osUser,
      startedAt,
      finishedAt: new Date(),
      rowsRead: counts.rowsRead,
      rowsWritten: outcome === 'APPLIED' ? counts.rowsNew + counts.rowsUpdated : 0,
      rowsUnchanged: counts.rowsUnchanged,
      rowsRejected: counts.rowsRejected,
      warnings: problems.warnings,
      outcome,
      problems: sorted.slice(0, MAX_RECORDED),
    };
  };
  // Everything from here runs in the import's own session (on a server, a connection of its own): its
  // staging table is that session's, and so is the lock that says it runs (holdRunningImport). The
  // RUNNING row and the lock come together, so a server that starts meanwhile never takes a live
  // import for a dead one.
  const connection = await reserveSession(db);
  const { db: conn, server } = connection;
  let importId: number;
  let previous: Awaited<ReturnType<typeof findAppliedImport>>;
  try {
    previous = await connection.whenServed(() => findAppliedImport(conn, sha256, request.kind, reach));
    importId = await connection.transaction(async (tx) => {
      const id = await startImport(tx, entryOf('RUNNING'));
      await holdRunningImport(tx, id);
      return id;
    });
  } catch (error) {
    connection.release();
    throw error;
  }
  const table = stagingTable(importId);

  const finish = async (ended: EndedOutcome, tx: Db = conn): Promise<ImportSummary> => {
    // A dry run is recorded as one whatever it found; `accepted` says whether it would have applied.
    const outcome = request.dryRun && ended !== 'FAILED' ? 'DRY_RUN' : ended;
    const sorted = problems.sorted();
    // Inside the write transaction the session is already the import's; outside, it may be refused busy.
    const entry = entryOf(outcome, sorted);
    await (tx === conn
      ? connection.whenServed(() => finishImport(conn, importId, entry))
      : finishImport(tx, importId, entry));
    return {
      importId,
      accepted: accepted && (outcome === 'APPLIED' || outcome === 'DRY_RUN'),
      kind: request.kind,
      fileName: request.fileName,
      sha256,
      outcome,
      format: sheet?.format ?? null,
      encoding: sheet?.encoding ?? null,
      ...counts,
      errors: problems.errors,
      warnings: problems.warnings,
      problems: sorted,
      problemsOmitted: problems.omitted,
      alreadyImported: previous
        ? {
            importId: previous.id,
            at: previous.startedAt,
            by: previous.username ?? previous.osUser ?? 'unknown',
          }
        : null,
    };
  };

  // A million rows take longer than a request may: the import is not held to the serving deadline,
  // and on a server its joins and sorts get the memory asked for. On a server the settings are the
  // import's connection's, from here until they are reset before it goes back to the pool; on PGlite
  // the session is everyone's, so they are set in the write transaction only (it has no deadline).
  const workMem = request.workMem && /^\d+(kB|MB)$/.test(request.workMem) ? request.workMem : null;
  const settings = async (tx: Db, scope: 'session' | 'local') => {
    await tx.execute(sql.raw(`set ${scope} statement_timeout = 0`));
    if (workMem) await tx.execute(sql.raw(`set ${scope} work_mem = '${workMem}'`));
  };
  try {
    if (reach.kind !== 'all' && PROVINCE_KINDS.has(request.kind)) {
      problems.add([
        problem('NOT_ALLOWED', {
          en: `only an account that reaches the whole province imports ${request.kind}`,
          vi: `chỉ tài khoản quản lý toàn tỉnh mới được nhập danh sách ${request.kind}`,
        }),
      ]);
      return await finish('REJECTED');
    }
    if (server) await settings(conn, 'session');
    sheet = openSheet(request.bytes, request.fileName, request.encoding);
    const present = await stageFile(conn, table, connection.copyClient, sheet, request, problems, counts);
    request.onProgress?.({ phase: 'checking', rowsRead: counts.rowsRead });
    geographyId = request.geographyId ?? (await geographyOn(conn, today(startedAt))).id;
    await checkTogether(conn, table, request.kind, reach, geographyId, problems, counts, refusedPersons);
    let valid = await countStaged(conn, table);
    const acceptable = () => problems.errors === 0 || (request.skipInvalid === true && valid > 0);
    accepted = acceptable();
    // The step-order warnings, worked out here from the staged rows and the recorded ones on PGlite
    // (so that the write transaction does not hold the session for them) and wherever nothing is to
    // be written; on a server that writes, from the written steps in its transaction (cheaper: the
    // staged rows are not aggregated again). A row that the reach check made again in the write
    // transaction refuses may keep a warning found here.
    const steps = request.kind === 'steps';
    const warnFirst = steps && (!server || request.dryRun || !accepted);
    if (warnFirst) problems.add(await findStepsOutOfOrder(conn, table, 'staged'));
    if (!accepted && !request.dryRun) return await finish('REJECTED');
    const written = (result: { inserted: number; updated: number }) => {
      counts.rowsNew = result.inserted;
      counts.rowsUpdated = result.updated;
      counts.rowsUnchanged = valid - result.inserted - result.updated;
    };
    if (request.dryRun) {
      // A dry run of steps counts what it would write in one read, with no transaction at all.
      const predicted = await countRows(conn, request.kind, {
        table,
        present,
        rollups: false,
        rows: valid,
        geographyId,
      });
      if (predicted) {
        written(predicted);
        return await finish('DRY_RUN');
      }
    }
    const summary = await connection.transaction(async (tx) => {
      if (!server) await settings(tx, 'local');
      // The rows were checked before this transaction, while others could write: a unit may have
      // left the caller's reach meanwhile. That check, cheap for the small files of a district head,
      // is made again here.
      if (reach.kind !== 'all') {
        const outside = await findOutOfReach(tx, table, request.kind, reach, geographyId);
        counts.rowsRejected += await refuseRows(tx, table, outside.problems, problems);
        refusedPersons.push(...outside.personIds);
        valid = await countStaged(tx, table);
        accepted = acceptable();
        if (!accepted && !request.dryRun) throw new RolledBack('REJECTED');
      }
      request.onProgress?.({ phase: 'writing', rowsRead: counts.rowsRead });
      written(
        await applyRows(tx, request.kind, {
          table,
          present,
          rollups: !request.dryRun,
          rows: valid,
          geographyId,
        }),
      );
      if (steps && !warnFirst) problems.add(await findStepsOutOfOrder(tx, table, 'written'));
      if (request.dryRun) throw new RolledBack('DRY_RUN');
      return finish('APPLIED', tx);
    });
    if (counts.rowsNew + counts.rowsUpdated >= ANALYZE_AFTER_ROWS) await refreshStatistics(conn);
    return summary;
  } catch (error) {
    if (error instanceof RolledBack) return await finish(error.outcome);
    if (error instanceof FileRefusedError) {
      problems.add([error.problem]);
      return await finish('REJECTED');
    }
    problems.add([
      problem('UNREADABLE_FILE', {
        en: `the import failed: ${(error as Error).message}`,
        vi: `nhập dữ liệu thất bại: ${(error as Error).message}`,
      }),
    ]);
    await finish('FAILED').catch(() => {});
    throw error;
  } finally {
    // The outcome is written by now; then the staging table goes, the connection's settings are
    // reset and the lock given back, in that order, before the connection returns to the pool.
    // Should one of them fail, the connection is broken, and what it held went with it.
    await (async () => {
      await dropStaging(conn, table);
      if (server) await conn.execute(sql`reset statement_timeout`);
      if (server) await conn.execute(sql`reset work_mem`);
      await releaseRunningImport(conn, importId);
    })().catch(() => {});
    connection.release();
    // Once the connection is back, and whatever the outcome: the refusals stay logged.
    if (refusedPersons.length > 0) await request.onPersonsRefused?.(refusedPersons);
  }
}

/**
 * Reads the file row by row, checks each row on its own, and stages the good ones in batches. Returns
 * the columns the file has.
 */
async function stageFile(
  tx: Tx,
  table: string,
  copyClient: postgres.Sql | null,
  sheet: Sheet,
  request: ImportRequest,
  problems: Problems,
  counts: Counts,
): Promise<Set<string>> {
  const spec = KIND_SPECS[request.kind];
  await createStaging(tx, table, spec);
  const stager = openStager(tx, table, spec, copyClient);
  const context = { today: today(request.now ?? new Date()), date1904: false };
  let map: HeaderMap | null = null;
  let batch: StagedRow[] = [];
  try {
    for await (const row of sheet.rows) {
      if (isBlank(row)) continue;
      if (!map) {
        const header = mapHeader(spec, row.cells);
        problems.add(header.problems);
        if (problems.errors > 0) throw new RolledBack('REJECTED');
        map = header.map;
        context.date1904 = sheet.date1904();
        continue;
      }
      counts.rowsRead++;
      if (counts.rowsRead % PROGRESS_EVERY === 0)
        request.onProgress?.({ phase: 'reading', rowsRead: counts.rowsRead });
      const checked = validateRow(spec, map, row, context);
      if (checked.problems.length > 0) {
        problems.add(checked.problems);
        counts.rowsRejected++;
        continue;
      }
      batch.push({ row: row.row, values: checked.values });
      if (batch.length >= BATCH) {
        // The database stores one batch while the next is parsed: the two use different cores.
        await stager.add(batch);
        batch = [];
      }
    }
    await stager.add(batch);
    await stager.close();
  } catch (error) {
    stager.abort(error as Error);
    throw error;
  }
  if (!map) {
    problems.add([
      problem('EMPTY_FILE', {
        en: `the file is empty: it needs a header row (${spec.columns.map((c) => c.name).join(', ')}) and rows`,
        vi: `tệp trống: cần một dòng tiêu đề (${spec.columns.map((c) => c.name).join(', ')}) và các dòng dữ liệu`,
      }),
    ]);
    throw new RolledBack('REJECTED');
  }
  if (counts.rowsRead === 0)
    problems.add([
      problem('NO_ROWS', {
        en: 'the file has a header but no rows: nothing to import',
        vi: 'tệp chỉ có dòng tiêu đề, không có dữ liệu để nhập',
      }),
    ]);
  await finishStaging(tx, table, request.kind);
  return map.present;
}

/** Checks that need the other rows or the database, each one statement; refused rows are unstaged. */
async function checkTogether(
  tx: Tx,
  table: string,
  kind: ImportKind,
  reach: Reach,
  geographyId: number,
  problems: Problems,
  counts: Counts,
  refusedPersons: number[],
): Promise<void> {
  const spec = KIND_SPECS[kind];
  const refuse = async (found: Problem[]) => {
    const refused = await refuseRows(tx, table, found, problems);
    counts.rowsRejected += refused;
    return refused;
  };
  await refuse(await findDuplicates(tx, table, spec));
  // An area may name as parent an area of an earlier row, which may itself be refused: repeat until stable.
  const unknown = () => findUnknownReferences(tx, table, kind, reach, geographyId);
  while ((await refuse(await unknown())) > 0 && kind === 'areas') {}
  if (kind === 'areas') {
    while ((await refuse(await findAreaCycles(tx, table, geographyId))) > 0) {
      while ((await refuse(await unknown())) > 0) {}
    }
  }
  if (kind === 'units') {
    await refuse(await findUnitsWithoutArea(tx, table));
    await refuse(await findCommunesOutsideDistricts(tx, table, geographyId));
  }
  const outside = await findOutOfReach(tx, table, kind, reach, geographyId);
  await refuse(outside.problems);
  refusedPersons.push(...outside.personIds);
}

/**
 * Lists the problems found and unstages the rows they refuse. Returns how many rows that is: a row
 * is found at most once by each check, and a refused row is no longer staged for the next.
 */
async function refuseRows(tx: Tx, table: string, found: Problem[], problems: Problems): Promise<number> {
  problems.add(found);
  const rows = new Set(
    found.filter((p) => p.severity === 'error' && p.row !== null).map((p) => p.row as number),
  );
  await dropRows(tx, table, [...rows]);
  return rows.size;
}

/**
 * At a server's start: the imports left RUNNING by a process that stopped mid-way (killed, out of
 * memory, the machine restarted) become FAILED, saying so. Their transaction rolled back with the
 * process, so nothing of them was written. Returns how many.
 */
export async function failInterruptedImports(db: Db): Promise<number> {
  const interrupted = problem('INTERRUPTED', {
    en: 'the import stopped before it finished (its process ended); nothing of it was written',
    vi: 'quá trình nhập bị dừng trước khi hoàn tất (tiến trình đã kết thúc); chưa ghi dữ liệu nào',
  });
  const failed = await failAbandonedImports(db, [interrupted]);
  // Their staging tables too, on PGlite (on a server they went with the import's connection).
  if (!isServer(db)) await dropAbandonedStaging(db);
  return failed.length;
}
