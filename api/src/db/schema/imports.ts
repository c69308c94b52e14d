import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/**
 * What an import ended as. A rejected, dry-run or failed import wrote nothing but its history row.
 * RUNNING while it is read and written; one whose process was stopped becomes FAILED at the next start.
 */
export const importOutcome = pgEnum('import_outcome', [
  'APPLIED',
  'REJECTED',
  'DRY_RUN',
  'FAILED',
  'RUNNING',
]);
export type ImportOutcome = (typeof importOutcome.enumValues)[number];

/**
 * Every file import, whatever its outcome: who loaded which file (by its SHA-256, so the same bytes
 * are recognised when they come again), when, and what came of each row. `problems` keeps the first
 * problems only (see imports/run.ts), and never a person's identifying data: messages name rows and
 * columns, not values.
 */
export const imports = pgTable(
  'imports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    /** The account that imported through the API; null for `pnpm cli`, which has no account. */
    userId: integer('user_id').references(() => users.id),
    /** The operating-system user that ran `pnpm cli` (or the account's username for the API). */
    osUser: text('os_user'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    rowsRead: integer('rows_read').notNull(),
    /** New and updated rows. */
    rowsWritten: integer('rows_written').notNull(),
    rowsUnchanged: integer('rows_unchanged').notNull(),
    rowsRejected: integer('rows_rejected').notNull(),
    warnings: integer('warnings').notNull(),
    outcome: importOutcome('outcome').notNull(),
    problems: jsonb('problems').notNull(),
  },
  (t) => [index('imports_started_idx').on(t.startedAt), index('imports_sha256_idx').on(t.sha256, t.kind)],
);
