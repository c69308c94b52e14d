import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/**
 * Every change recorded through the API (milestones, training sessions, persons' steps and stuck
 * reasons, officers' assignments): who, when, what, and the record before and after. Rows are only
 * ever added. `actorId` is null for the command line.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id),
    /** The account's username, kept as written then (accounts can be renamed or removed). */
    actor: text('actor').notNull(),
    /** What was done, e.g. MILESTONE_RECORDED. */
    action: text('action').notNull(),
    /** The kind of record: unit_milestone, person_step, person_blocker, unit_assignment, training_session. */
    entity: text('entity').notNull(),
    /** The record's natural key in public codes, e.g. "TB0026B/LEADERSHIP_CONTACTED". */
    entityKey: text('entity_key').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entity, t.entityKey)],
);
