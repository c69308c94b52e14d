import { LRUCache } from 'lru-cache';
import type { Db } from '../db/client.ts';
import {
  type Credential,
  credentialBySession,
  credentialByToken,
  touchToken,
} from '../db/queries/accounts.ts';
import type { Viewer } from './reach.ts';
import { sha256 } from './secrets.ts';

/*
 * Sessions and tokens held in memory, so that a request is authenticated without a statement. An
 * entry is honoured only while the database's `auth` counter (db/versions.ts) is the one it was read
 * under: a sign-out, a revocation, a disabled account or a changed password anywhere bumps it, and the
 * next request of every server reads the credential afresh. An entry also lapses at its credential's
 * expiry and after CREDENTIAL_TTL_MS, and only valid credentials are kept (a flood of made-up tokens
 * cannot fill the cache).
 */

/** How long a credential is believed without asking the database, when nothing bumped `auth`. */
export const CREDENTIAL_TTL_MS = 60_000;
/** Credentials kept at most: every signed-in browser and token of a province fits many times over. */
export const CREDENTIAL_ENTRIES = 10_000;
/** A token's last_used_at is written at most this often (the token list shows it to the minute). */
export const TOKEN_TOUCH_MS = 60_000;

interface Entry {
  credential: Credential;
  authVersion: number;
}

export class CredentialCache {
  private readonly entries = new LRUCache<string, Entry>({ max: CREDENTIAL_ENTRIES, ttl: CREDENTIAL_TTL_MS });
  /** When this process last wrote each token's last_used_at (or found it written), in ms. */
  private readonly touched = new LRUCache<number, number>({ max: CREDENTIAL_ENTRIES });

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** The account behind a bearer token, as of `authVersion`; undefined when the token is not valid. */
  async byToken(token: string, authVersion: number): Promise<Viewer | undefined> {
    const credential = await this.lookUp(`t:${sha256(token)}`, authVersion, () =>
      credentialByToken(this.db, token),
    );
    if (credential?.token) await this.touch(credential.token.id, credential.token.lastUsedAt);
    return credential?.viewer;
  }

  /** The account behind a browser session's secret, as of `authVersion`. */
  async bySession(secret: string, authVersion: number): Promise<Viewer | undefined> {
    return (await this.lookUp(`s:${sha256(secret)}`, authVersion, () => credentialBySession(this.db, secret)))
      ?.viewer;
  }

  private async lookUp(
    key: string,
    authVersion: number,
    read: () => Promise<Credential | undefined>,
  ): Promise<Credential | undefined> {
    const entry = this.entries.get(key);
    if (entry && entry.authVersion === authVersion && entry.credential.expiresAt.getTime() > this.now())
      return entry.credential;
    const credential = await read();
    if (credential) this.entries.set(key, { credential, authVersion });
    else this.entries.delete(key);
    return credential;
  }

  private async touch(tokenId: number, lastUsedAt: Date | null): Promise<void> {
    const now = this.now();
    const last = this.touched.get(tokenId) ?? lastUsedAt?.getTime() ?? 0;
    if (now - last < TOKEN_TOUCH_MS) return;
    this.touched.set(tokenId, now);
    await touchToken(this.db, tokenId);
  }
}
