import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { Action } from './permissions.ts';

/** The signed-in account, as GET /auth/session describes it. */
export interface SessionUser {
  username: string;
  displayName: string;
  role: 'ADMIN' | 'PROVINCE' | 'DISTRICT' | 'OFFICER' | 'ANALYST';
  /** A district head's area, with the geography (its code) it was named in. */
  area: { code: string; name: string; level: string; geography: string } | null;
  /** Instead of an area, the office whose units a DISTRICT account reaches (a BHXH cơ sở). */
  office: { code: string; name: string } | null;
  staff: { code: string; fullName: string } | null;
  /** The actions the account may take, from the API's policy: what the dashboard shows controls for. */
  permissions: Action[];
}

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: SessionUser }
  /** The server could not say (a busy or absent database, no network): asked again after `seconds`. */
  | { status: 'waiting'; reason: WaitReason; seconds: number };

/** Why the session could not be told: a code of the API's 503s, or no answer at all. */
export type WaitReason = 'DATABASE_BUSY' | 'SERVICE_UNAVAILABLE' | 'SERVER_BUSY' | 'NETWORK';

type SessionAnswer = { user: SessionUser | null } | { reason: WaitReason; seconds: number };

interface SessionApi {
  state: SessionState;
  /** Resolves to an error message, or null once signed in. */
  signIn(username: string, password: string): Promise<string | null>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

let firstSession: Promise<SessionAnswer> | undefined;

/**
 * Asks who is signed in, once per page load. main.tsx calls it before React renders, so that the
 * answer (and with it the page's first query) does not wait for the first render.
 */
export function prefetchSession(): Promise<SessionAnswer> {
  firstSession ??= askSession();
  return firstSession;
}

/*
 * A 503 or no answer says nothing about the session: a signed-in person is not sent to the login page
 * because the database is busy writing an import; the page waits and asks again.
 */
async function askSession(): Promise<SessionAnswer> {
  const res = await fetch('/auth/session', { credentials: 'same-origin' }).catch(() => null);
  if (!res) return { reason: 'NETWORK', seconds: 5 };
  if (res.ok) return { user: ((await res.json()) as { user: SessionUser | null }).user };
  if (res.status !== 503) return { user: null };
  const body = (await res.json().catch(() => null)) as {
    errors?: { extensions?: { code?: string } }[];
  } | null;
  const code = body?.errors?.[0]?.extensions?.code;
  const reason: WaitReason =
    code === 'DATABASE_BUSY' || code === 'SERVER_BUSY' ? code : 'SERVICE_UNAVAILABLE';
  return { reason, seconds: Number(res.headers.get('retry-after')) || 5 };
}

function stateOf(answer: SessionAnswer): SessionState {
  if ('reason' in answer) return { status: 'waiting', ...answer };
  return answer.user ? { status: 'signed-in', user: answer.user } : { status: 'signed-out' };
}

/*
 * The session lives in an httpOnly cookie that scripts cannot read; the app learns who is signed in
 * from /auth/session, and signs in and out through /auth/login and /auth/logout (JSON, same origin).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    prefetchSession().then((answer) => {
      if (live) setState(stateOf(answer));
    });
    return () => {
      live = false;
    };
  }, []);

  // Every waiting answer (a new state, even with the same reason) sets the next question's timer.
  useEffect(() => {
    if (state.status !== 'waiting') return;
    const waitSeconds = state.seconds;
    let live = true;
    const timer = setTimeout(
      () =>
        askSession().then((answer) => {
          if (live) setState(stateOf(answer));
        }),
      waitSeconds * 1000,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [state]);

  const signIn = useCallback(async (username: string, password: string) => {
    const res = await fetch('/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }).catch(() => null);
    if (!res) return 'network';
    if (res.status === 401) return 'wrong';
    if (res.status === 429) return 'locked';
    if (!res.ok) return 'network';
    setState({ status: 'signed-in', user: ((await res.json()) as { user: SessionUser }).user });
    return null;
  }, []);

  const signOut = useCallback(async () => {
    await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => null);
    // A full reload drops every cached figure of the previous account.
    window.location.assign('/login');
  }, []);

  return <SessionContext.Provider value={{ state, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/**
 * Whether the signed-in account holds an action. The API decides again on every request (and checks
 * the target's reach); this only keeps the dashboard from offering what would be refused.
 */
export function useCan(): (action: Action) => boolean {
  const { state } = useSession();
  const held = state.status === 'signed-in' ? state.user.permissions : [];
  return (action) => held.includes(action);
}
