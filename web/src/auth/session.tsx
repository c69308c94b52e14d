import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { Action } from './permissions.ts';

/** The signed-in account, as GET /auth/session describes it. */
export interface SessionUser {
  username: string;
  displayName: string;
  role: 'ADMIN' | 'PROVINCE' | 'DISTRICT' | 'OFFICER' | 'ANALYST';
  area: { code: string; name: string; level: string } | null;
  staff: { code: string; fullName: string } | null;
  /** The actions the account may take, from the API's policy: what the dashboard shows controls for. */
  permissions: Action[];
}

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: SessionUser };

interface SessionApi {
  state: SessionState;
  /** Resolves to an error message, or null once signed in. */
  signIn(username: string, password: string): Promise<string | null>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

let firstSession: Promise<SessionUser | null> | undefined;

/**
 * Asks who is signed in, once per page load. main.tsx calls it before React renders, so that the
 * answer (and with it the page's first query) does not wait for the first render.
 */
export function prefetchSession(): Promise<SessionUser | null> {
  firstSession ??= fetch('/auth/session', { credentials: 'same-origin' })
    .then(async (res) => (res.ok ? ((await res.json()) as { user: SessionUser | null }).user : null))
    .catch(() => null);
  return firstSession;
}

/*
 * The session lives in an httpOnly cookie that scripts cannot read; the app learns who is signed in
 * from /auth/session, and signs in and out through /auth/login and /auth/logout (JSON, same origin).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    prefetchSession().then((user) => {
      if (live) setState(user ? { status: 'signed-in', user } : { status: 'signed-out' });
    });
    return () => {
      live = false;
    };
  }, []);

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
