import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { offices } from './offices.ts';
import { staff } from './staff.ts';

/**
 * ADMIN: everything, manages accounts. PROVINCE: reads the whole province, aggregates only. DISTRICT:
 * reads and acts within one area. OFFICER: reads and records for the units in one officer's charge.
 * ANALYST: aggregates everywhere, never a person.
 */
export const role = pgEnum('role', ['ADMIN', 'PROVINCE', 'DISTRICT', 'OFFICER', 'ANALYST']);
export type Role = (typeof role.enumValues)[number];

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: role('role').notNull(),
    /** The area a DISTRICT account reaches (with everything inside it). */
    areaId: integer('area_id').references(() => areas.id),
    /**
     * Instead of an area, the office a DISTRICT account reaches: the units that office manages (a BHXH
     * cơ sở, which since 2025 serves communes rather than one district).
     */
    officeId: integer('office_id').references(() => offices.id),
    /** The officer an OFFICER account is. */
    staffId: integer('staff_id').references(() => staff.id),
    /** argon2id, in PHC string form (algorithm, parameters and salt included). */
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the account is disabled: its sessions and tokens stop working at once. */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [
    // The binding a role needs, and no other: a reach is never ambiguous.
    check(
      'users_role_binding',
      sql`(${t.role} = 'DISTRICT') = (${t.areaId} is not null or ${t.officeId} is not null) and (${t.areaId} is null or ${t.officeId} is null) and (${t.role} = 'OFFICER') = (${t.staffId} is not null)`,
    ),
  ],
);

/**
 * API tokens. The token itself is shown once; only its SHA-256 is kept (a token is 32 random bytes, so
 * a fast hash is as safe as a slow one). The prefix identifies it in lists and for revocation.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    prefix: text('prefix').notNull().unique(),
    hash: text('hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Browser sessions: the cookie holds a random secret, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Every read of persons' data: who, when, which persons, and why (the operation and the field that
 * returned them). Written in the same request that reads, before the data leaves the server.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    personIds: integer('person_ids').array().notNull(),
    /** The GraphQL operation as sent (or the CLI command). */
    operation: text('operation').notNull(),
    /** The field that returned the persons, e.g. unit.persons or person. */
    field: text('field').notNull(),
  },
  (t) => [index('access_log_at_idx').on(t.at), index('access_log_user_idx').on(t.userId, t.at)],
);

/**
 * Why a read of persons' data was refused: the person's unit is outside the account's reach, the id
 * names nobody (logged too, so that a probe costs and counts the same whatever it hits), or the role
 * reads aggregates only.
 */
export const refusalReason = pgEnum('refusal_reason', ['OUT_OF_REACH', 'NOT_FOUND', 'ROLE']);
export type RefusalReason = (typeof refusalReason.enumValues)[number];

/**
 * Every refused read of persons' data (and every refused attempt to act on a person): who, when,
 * through which field, what was asked (a person's id, a unit's code, never a social-insurance code)
 * and why. Written in the request that was refused, one insert per tick, before it is answered.
 */
export const refusalLog = pgTable(
  'refusal_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The field refused: Query.person, Unit.persons, Mutation.setBlocker, import:steps… */
    field: text('field').notNull(),
    /** What the caller asked for: the person's id, or the unit's code for a list of its persons. */
    argument: text('argument').notNull(),
    reason: refusalReason('reason').notNull(),
    /** The GraphQL operation as sent (its first 2.000 characters), or the import's file name. */
    operation: text('operation').notNull(),
  },
  (t) => [index('refusal_log_at_idx').on(t.at), index('refusal_log_user_idx').on(t.userId, t.at)],
);

/**
 * An account refused more than the threshold within one minute: raised by the write that crossed it
 * (and printed to the server's log), then counting the refusals of that minute from its first one. A
 * refusal after the minute has passed opens a new alert if the threshold is crossed again.
 */
export const refusalAlerts = pgTable(
  'refusal_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The first refusal of the minute. */
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** When the threshold was crossed. */
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    /** Refusals from `startedAt` to a minute later. */
    refusals: integer('refusals').notNull(),
    /** The threshold in force when it was raised (REFUSAL_ALERT_PER_MINUTE). */
    threshold: integer('threshold').notNull(),
  },
  (t) => [
    index('refusal_alerts_raised_idx').on(t.raisedAt),
    index('refusal_alerts_user_idx').on(t.userId, t.startedAt),
  ],
);

/**
 * What happened to accounts and who did it: sign-ins (and failed ones), sign-outs, accounts created,
 * disabled or enabled, passwords reset, tokens created or revoked, goals set. `actorId` is null for
 * the command line (whoever runs it has the server) and for failed sign-ins of unknown names.
 */
export const accountEvents = pgTable(
  'account_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id),
    /** The account the event is about, by name (a failed sign-in may name no account). */
    subject: text('subject').notNull(),
    action: text('action').notNull(),
    detail: text('detail'),
    /** The client's address, for sign-ins. */
    address: text('address'),
  },
  (t) => [index('account_events_at_idx').on(t.at)],
);
