import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Two counters the database bumps in every transaction that writes: 'data' for everything an answer
 * is computed from, 'auth' for accounts, sessions and tokens. A server compares them with the ones its
 * caches were filled under, one cheap read per request, so that a write from any process (an import
 * through `pnpm cli` while `pnpm start` serves) empties those caches before the next answer. Statement
 * triggers bump them (migration 0016), so no code path can write and forget to.
 */
export const dataVersions = pgTable('data_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/**
 * A note, made by a transaction's first write, that it is to bump a counter when it commits; a
 * deferred trigger bumps the counter and deletes the note (migration 0016). Empty between commits.
 */
export const pendingBumps = pgTable('pending_bumps', {
  name: text('name').notNull(),
});
