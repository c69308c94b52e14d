import { parseCookie, stringifySetCookie } from 'cookie';
import express, { type Request, type Response, Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { slowDown } from 'express-slow-down';
import { CredentialCache } from '../auth/credential-cache.ts';
import { permissionsOf } from '../auth/policy.ts';
import type { Viewer } from '../auth/reach.ts';
import { sha256 } from '../auth/secrets.ts';
import type { Db } from '../db/client.ts';
import {
  checkPassword,
  createSession,
  describeViewer,
  endSession,
  recordEvent,
  SESSION_HOURS,
  viewerBySession,
} from '../db/queries/accounts.ts';
import { readVersions, type Versions } from '../db/versions.ts';

export const SESSION_COOKIE = 'vssid_session';

/** One credential cache per database: every app serving it in this process shares what it read. */
const credentialCaches = new WeakMap<Db, CredentialCache>();

function credentialCacheOf(db: Db): CredentialCache {
  let cache = credentialCaches.get(db);
  if (!cache) {
    cache = new CredentialCache(db);
    credentialCaches.set(db, cache);
  }
  return cache;
}

/**
 * The account behind a request: its bearer token, else its session cookie; undefined when neither is
 * valid. From memory while the database's `auth` counter is unchanged (auth/credential-cache.ts); the
 * counters are read here unless the caller read them already for this request.
 */
export async function authenticate(db: Db, req: Request, versions?: Versions): Promise<Viewer | undefined> {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  const secret = token === undefined ? sessionSecret(req) : undefined;
  if (!token && !secret) return undefined;
  const { auth } = versions ?? (await readVersions(db));
  const cache = credentialCacheOf(db);
  return token ? cache.byToken(token, auth) : cache.bySession(secret as string, auth);
}

/**
 * The hash of the session a request came with (as `sessions.hash` stores it), or null when it came with
 * a token: what a password change keeps while it ends the account's other sessions.
 */
export function sessionHashOf(req: Request): string | null {
  if (req.headers.authorization?.startsWith('Bearer ')) return null;
  const secret = sessionSecret(req);
  return secret ? sha256(secret) : null;
}

function sessionSecret(req: Request): string | undefined {
  const cookies = req.headers.cookie ? parseCookie(req.headers.cookie) : {};
  return cookies[SESSION_COOKIE] || undefined;
}

function sessionCookie(req: Request, value: string, maxAge: number): string {
  // httpOnly: no script reads it; SameSite=Strict: no other site's page sends it; Secure over HTTPS.
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value,
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    maxAge,
  });
}

const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * POST /auth/login, POST /auth/logout and GET /auth/session. Failed logins from one address for one
 * username slow down (one more second for every failure after the third, up to 20 s) and stop
 * altogether after 20 in 15 minutes; successful ones do not count.
 */
export interface SignInLimits {
  /** Failures before each further one waits a second longer. */
  delayAfter: number;
  /** Failures in 15 minutes after which sign-ins are refused with 429. */
  limit: number;
}

export const SIGN_IN_LIMITS: SignInLimits = { delayAfter: 3, limit: 20 };

export function authRoutes(db: Db, limits: SignInLimits = SIGN_IN_LIMITS): Router {
  const router = Router();
  const key = (req: Request) => `${ipKeyGenerator(req.ip ?? '')}|${String(req.body?.username ?? '')}`;
  const slow = slowDown({
    windowMs: LOGIN_WINDOW_MS,
    delayAfter: limits.delayAfter,
    delayMs: (used) => Math.min((used - limits.delayAfter) * 1000, 20_000),
    skipSuccessfulRequests: true,
    keyGenerator: key,
  });
  const limit = rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit: limits.limit,
    skipSuccessfulRequests: true,
    keyGenerator: key,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: { error: 'Too many failed sign-ins; try again in 15 minutes.' },
  });

  router.post('/login', express.json({ limit: '4kb' }), limit, slow, async (req: Request, res: Response) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
      res.status(400).json({ error: 'Send a JSON body with "username" and "password".' });
      return;
    }
    const viewer = await checkPassword(db, username, password);
    await recordEvent(db, {
      actor: viewer ?? null,
      subject: username.slice(0, 100),
      action: viewer ? 'SIGN_IN' : 'SIGN_IN_FAILED',
      address: req.ip,
    });
    if (!viewer) {
      // The same answer whether the account is unknown, disabled or the password wrong.
      res.status(401).json({ error: 'Wrong username or password.' });
      return;
    }
    const secret = await createSession(db, viewer.userId);
    res.setHeader('Set-Cookie', sessionCookie(req, secret, SESSION_HOURS * 3600));
    res.json({ user: await sessionUser(db, viewer) });
  });

  router.post('/logout', async (req: Request, res: Response) => {
    const secret = sessionSecret(req);
    const viewer = secret ? await viewerBySession(db, secret) : undefined;
    if (secret) await endSession(db, secret);
    if (viewer)
      await recordEvent(db, { actor: viewer, subject: viewer.username, action: 'SIGN_OUT', address: req.ip });
    res.setHeader('Set-Cookie', sessionCookie(req, '', 0));
    res.json({ ok: true });
  });

  router.get('/session', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const viewer = await authenticate(db, req);
    // Nobody signed in is an answer, not an error: the login page asks on every visit, and a 401 would
    // put an error in the browser's console each time.
    res.json({ user: viewer ? await sessionUser(db, viewer) : null });
  });
  return router;
}

/** The account as the dashboard sees it, with what it may do: the dashboard shows controls by that. */
async function sessionUser(db: Db, viewer: Viewer) {
  return { ...(await describeViewer(db, viewer)), permissions: permissionsOf(viewer.role) };
}
