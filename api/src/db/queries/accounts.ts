import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Viewer } from '../../auth/reach.ts';
import { decoyHash, hashPassword, newSecret, sameHash, sha256, verifyPassword } from '../../auth/secrets.ts';
import type { Db } from '../client.ts';
import { rowsOfEachParent } from '../loaders.ts';
import {
  accountEvents,
  apiTokens,
  areas,
  geographies,
  offices,
  type Role,
  sessions,
  staff,
  users,
} from '../schema/index.ts';

export interface NewUser {
  username: string;
  displayName?: string;
  role: Role;
  areaId?: number;
  officeId?: number;
  staffId?: number;
  password: string;
}

const viewerColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  areaId: users.areaId,
  officeId: users.officeId,
  staffId: users.staffId,
};

export async function createUser(db: Db, user: NewUser): Promise<Viewer> {
  const [row] = await db
    .insert(users)
    .values({
      username: user.username,
      displayName: user.displayName ?? user.username,
      role: user.role,
      areaId: user.areaId ?? null,
      officeId: user.officeId ?? null,
      staffId: user.staffId ?? null,
      passwordHash: await hashPassword(user.password),
    })
    .returning(viewerColumns);
  return row as Viewer;
}

/**
 * Sets a new password and ends the account's browser sessions, all of them or, when the account
 * changes its own from a session, every one but that (`keepSession`, the session's hash): whoever
 * learnt the old password is signed out, the person who changed it is not.
 */
export async function setPassword(
  db: Db,
  userId: number,
  password: string,
  keepSession?: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx
      .update(sessions)
      .set({ endedAt: sql`now()` })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.endedAt),
          keepSession === undefined ? undefined : ne(sessions.hash, keepSession),
        ),
      );
  });
}

/** Whether this is the account's password now (its own check before it changes it). */
export async function isCurrentPassword(db: Db, userId: number, password: string): Promise<boolean> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return verifyPassword(row?.passwordHash ?? (await decoyHash()), password);
}

export interface UserRow extends Viewer {
  areaCode: string | null;
  officeCode: string | null;
  staffCode: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}

export function listUsers(db: Db, username?: string): Promise<UserRow[]> {
  return db
    .select({
      ...viewerColumns,
      areaCode: areas.code,
      officeCode: offices.code,
      staffCode: staff.code,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .leftJoin(areas, eq(areas.id, users.areaId))
    .leftJoin(offices, eq(offices.id, users.officeId))
    .leftJoin(staff, eq(staff.id, users.staffId))
    .where(username === undefined ? undefined : eq(users.username, username))
    .orderBy(asc(users.username));
}

export async function findUser(db: Db, username: string): Promise<UserRow | undefined> {
  return (await listUsers(db, username))[0];
}

/** Disables (or enables again) an account; a disabled account's sessions and tokens stop at once. */
export async function setUserDisabled(db: Db, userId: number, disabled: boolean): Promise<void> {
  await db
    .update(users)
    .set({ disabledAt: disabled ? sql`now()` : null })
    .where(eq(users.id, userId));
}

/** The account of a username and password, or undefined; the same time is spent either way. */
export async function checkPassword(db: Db, username: string, password: string): Promise<Viewer | undefined> {
  const [row] = await db
    .select({ ...viewerColumns, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.username, username));
  const ok = await verifyPassword(row?.passwordHash ?? (await decoyHash()), password);
  if (!row || !ok || row.disabledAt !== null) return undefined;
  const { passwordHash: _, disabledAt: __, ...viewer } = row;
  return viewer;
}

/* API tokens: "vss_<prefix>_<secret>". The prefix names the token in lists and for revocation. */

const TOKEN = /^vss_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface CreatedToken {
  token: string;
  prefix: string;
  expiresAt: Date;
}

export async function createToken(db: Db, userId: number, days: number): Promise<CreatedToken> {
  const prefix = randomBytes(4).toString('hex');
  const token = `vss_${prefix}_${newSecret()}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, prefix, hash: sha256(token), expiresAt: sql`now() + make_interval(days => ${days})` })
    .returning({ expiresAt: apiTokens.expiresAt });
  return { token, prefix: `vss_${prefix}`, expiresAt: (row as { expiresAt: Date }).expiresAt };
}

/** The account a token's prefix ("vss_1a2b3c4d" or "1a2b3c4d") belongs to, or undefined when none has it. */
export async function tokenOwner(
  db: Db,
  prefix: string,
): Promise<{ userId: number; username: string } | undefined> {
  const [row] = await db
    .select({ userId: users.id, username: users.username })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.prefix, barePrefix(prefix)));
  return row;
}

function barePrefix(prefix: string): string {
  return prefix.replace(/^vss_/, '').replace(/_.*$/, '');
}

/**
 * Revokes the token with this prefix ("vss_1a2b3c4d" or "1a2b3c4d"), only if it is `ownerId`'s when
 * that is given; its account's name, or null when there is no such token.
 */
export async function revokeToken(db: Db, prefix: string, ownerId?: number): Promise<string | null> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(
      and(
        eq(apiTokens.prefix, barePrefix(prefix)),
        ownerId === undefined ? undefined : eq(apiTokens.userId, ownerId),
      ),
    )
    .returning({ userId: apiTokens.userId });
  if (!rows[0]) return null;
  const [owner] = await db
    .select({ username: users.username })
    .from(users)
    .where(eq(users.id, rows[0].userId));
  return owner?.username ?? null;
}

export interface TokenRow {
  userId: number;
  prefix: string;
  username: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** The tokens of every account, or of the accounts given, newest last per account. */
export function listTokens(db: Db, userIds?: readonly number[]): Promise<TokenRow[]> {
  return db
    .select({
      userId: apiTokens.userId,
      prefix: sql<string>`'vss_' || ${apiTokens.prefix}`,
      username: users.username,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(userIds === undefined ? undefined : inArray(apiTokens.userId, [...userIds]))
    .orderBy(asc(users.username), asc(apiTokens.createdAt));
}

/**
 * The account behind a credential that is valid now, with when the credential expires (a server that
 * keeps it in memory must stop honouring it then) and, for a token, its id and last use.
 */
export interface Credential {
  viewer: Viewer;
  expiresAt: Date;
  token: { id: number; lastUsedAt: Date | null } | null;
}

/** A token's credential if the token is valid now: not expired, not revoked, account enabled. */
export async function credentialByToken(db: Db, token: string): Promise<Credential | undefined> {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  const [row] = await db
    .select({
      ...viewerColumns,
      tokenId: apiTokens.id,
      hash: apiTokens.hash,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.prefix, match[1] as string),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  if (!row || !sameHash(row.hash, sha256(token))) return undefined;
  const { tokenId, hash: _, expiresAt, lastUsedAt, ...viewer } = row;
  return { viewer, expiresAt, token: { id: tokenId, lastUsedAt } };
}

/** Notes that a token was used now, unless it was within the last minute. */
export async function touchToken(db: Db, tokenId: number): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`,
      ),
    );
}

/** The account a token belongs to, if the token is valid now, noting the use (uncached). */
export async function viewerByToken(db: Db, token: string): Promise<Viewer | undefined> {
  const credential = await credentialByToken(db, token);
  if (!credential) return undefined;
  if (credential.token) await touchToken(db, credential.token.id);
  return credential.viewer;
}

/* Browser sessions. */

export const SESSION_HOURS = 12;

export async function createSession(db: Db, userId: number): Promise<string> {
  const secret = newSecret();
  await db.insert(sessions).values({
    userId,
    hash: sha256(secret),
    expiresAt: sql`now() + make_interval(hours => ${SESSION_HOURS})`,
  });
  return secret;
}

/** A browser session's credential if the session is valid now: not ended or expired, account enabled. */
export async function credentialBySession(db: Db, secret: string): Promise<Credential | undefined> {
  const [row] = await db
    .select({ ...viewerColumns, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.hash, sha256(secret)),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return undefined;
  const { expiresAt, ...viewer } = row;
  return { viewer, expiresAt, token: null };
}

export async function viewerBySession(db: Db, secret: string): Promise<Viewer | undefined> {
  return (await credentialBySession(db, secret))?.viewer;
}

export async function endSession(db: Db, secret: string): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(sessions.hash, sha256(secret)), isNull(sessions.endedAt)));
}

/** What the dashboard shows of the signed-in account: name, role, and the area or officer it is bound to. */
export interface ViewerDescription {
  username: string;
  displayName: string;
  role: Role;
  /** The area a DISTRICT account reaches, with the geography (its code) that area belongs to. */
  area: { code: string; name: string; level: string; geography: string } | null;
  /** Instead of an area, the office whose units a DISTRICT account reaches. */
  office: { code: string; name: string } | null;
  staff: { code: string; fullName: string } | null;
}

export async function describeViewer(db: Db, viewer: Viewer): Promise<ViewerDescription> {
  const [area] = viewer.areaId
    ? await db
        .select({ code: areas.code, name: areas.name, level: areas.level, geography: geographies.code })
        .from(areas)
        .innerJoin(geographies, eq(geographies.id, areas.geographyId))
        .where(eq(areas.id, viewer.areaId))
    : [];
  const [office] = viewer.officeId
    ? await db
        .select({ code: offices.code, name: offices.name })
        .from(offices)
        .where(eq(offices.id, viewer.officeId))
    : [];
  const [officer] = viewer.staffId
    ? await db
        .select({ code: staff.code, fullName: staff.fullName })
        .from(staff)
        .where(eq(staff.id, viewer.staffId))
    : [];
  return {
    username: viewer.username,
    displayName: viewer.displayName,
    role: viewer.role,
    area: area ?? null,
    office: office ?? null,
    staff: officer ?? null,
  };
}

export type AccountAction =
  | 'SIGN_IN'
  | 'SIGN_IN_FAILED'
  | 'SIGN_OUT'
  | 'ACCOUNT_CREATED'
  | 'ACCOUNT_DISABLED'
  | 'ACCOUNT_ENABLED'
  | 'PASSWORD_RESET'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_CHANGE_REFUSED'
  | 'TOKEN_CREATED'
  | 'TOKEN_REVOKED'
  | 'GOAL_SET';

/** Records an account event; `actor` is the account that acted, null for the command line. */
export async function recordEvent(
  db: Db,
  event: { actor: Viewer | null; subject: string; action: AccountAction; detail?: string; address?: string },
): Promise<void> {
  await db.insert(accountEvents).values({
    actorId: event.actor?.userId ?? null,
    subject: event.subject,
    action: event.action,
    detail: event.detail ?? null,
    address: event.address ?? null,
  });
}

export interface AccountEventRow {
  id: number;
  at: Date;
  actor: string | null;
  subject: string;
  action: string;
  detail: string | null;
  address: string | null;
}

/** The newest account events first. */
export async function listEvents(
  db: Db,
  params: { first: number; offset: number },
): Promise<AccountEventRow[]> {
  return db
    .select({
      id: accountEvents.id,
      at: accountEvents.at,
      actor: users.username,
      subject: accountEvents.subject,
      action: accountEvents.action,
      detail: accountEvents.detail,
      address: accountEvents.address,
    })
    .from(accountEvents)
    .leftJoin(users, eq(users.id, accountEvents.actorId))
    .orderBy(desc(accountEvents.at), desc(accountEvents.id))
    .limit(params.first)
    .offset(params.offset);
}

export type AccountLoaders = ReturnType<typeof accountLoaders>;

export function accountLoaders(db: Db) {
  return {
    /** Each account's tokens, newest first. */
    accountTokens: rowsOfEachParent(
      async (userIds) => (await listTokens(db, userIds)).reverse(),
      (token) => token.userId,
    ),
  };
}
