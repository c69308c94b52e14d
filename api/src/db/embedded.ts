import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import { PGliteSessionServer } from './session-server.ts';

/*
 * The embedded database is one process's at a time: PGlite has no locking of its own, and two
 * processes opening the same folder would corrupt it. The first process takes a lock on the folder,
 * opens PGlite and serves it on a Unix socket inside the folder; every connection, its own included,
 * goes through that socket (session-server.ts), which runs one statement or transaction at a time. A later `pnpm cli` finds the
 * lock held and connects to the same socket, so it works while `pnpm start` runs and cannot corrupt
 * anything.
 */

export interface EmbeddedHandle {
  /** Unix socket path to connect the postgres driver to. */
  socketPath: string;
  /** True when this process opened PGlite; false when it reached another process's database. */
  owner: boolean;
  /** Whether the database answers: 'busy' while a transaction holds the session (owner only). */
  ping?: () => Promise<'ok' | 'busy'>;
  /** The whole database as a tarball, for `loadDataDir` (owner only). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /** How long a query may wait for the session before it is refused (SQLSTATE 55P03); unbounded if unset. */
  maxWaitMs?: number;
  /**
   * An in-memory database only: start from this dump of another one (`dump()`) instead of an empty
   * database. Tests start each of theirs from one migrated database: 0,5 s instead of 1,5 s.
   */
  loadDataDir?: Blob;
}

const SOCKET_NAME = '.s.PGSQL.5432';
const OWNER_FILE = 'owner.json';

export async function openEmbedded(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedHandle> {
  if (dataDir === 'memory://' || dataDir.startsWith('memory://'))
    return startOwner(undefined, tempSocketPath(), options);
  fs.mkdirSync(dataDir, { recursive: true });
  const socketPath = path.join(dataDir, SOCKET_NAME);
  const release = await tryLock(dataDir);
  if (!release) {
    if (!fs.existsSync(socketPath)) {
      throw new Error(
        `The embedded database in ${dataDir} is held by ${describeOwner(dataDir)}, which serves no socket yet; try again in a moment.`,
      );
    }
    return { socketPath, owner: false, close: async () => {} };
  }
  try {
    fs.writeFileSync(
      path.join(dataDir, OWNER_FILE),
      JSON.stringify({ pid: process.pid, argv: process.argv.slice(1), since: new Date().toISOString() }),
    );
    return await startOwner(path.join(dataDir, 'pgdata'), socketPath, options, release);
  } catch (error) {
    await release();
    throw error;
  }
}

async function startOwner(
  pgDataDir: string | undefined,
  socketPath: string,
  options: EmbeddedOptions,
  release?: () => Promise<void>,
): Promise<EmbeddedHandle> {
  // A socket file left by a process that died is stale once we hold the lock.
  fs.rmSync(socketPath, { force: true });
  const pg = await PGlite.create(
    pgDataDir ? { dataDir: pgDataDir } : options.loadDataDir ? { loadDataDir: options.loadDataDir } : {},
  );
  const server = new PGliteSessionServer(pg, socketPath, options.maxWaitMs);
  await server.start();
  return {
    socketPath,
    owner: true,
    ping: () => server.ping(),
    dump: () => pg.dumpDataDir('none'),
    async close() {
      await server.stop();
      await pg.close();
      fs.rmSync(socketPath, { force: true });
      await release?.();
    },
  };
}

const lockOptions = (dataDir: string) => ({
  stale: 15_000,
  update: 5_000,
  lockfilePath: path.join(dataDir, '.lock'),
});

/**
 * Takes the folder's lock, or returns undefined when a live process holds it. A lock left by a
 * process that was killed is taken over at once rather than after the staleness delay, so a restart
 * after a crash just works.
 */
async function tryLock(dataDir: string): Promise<(() => Promise<void>) | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await lockfile.lock(dataDir, lockOptions(dataDir));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      const owner = readOwner(dataDir);
      if (!owner || isAlive(owner.pid)) return undefined;
      // proper-lockfile only unlocks locks its own process took; the dead owner's is a bare folder.
      fs.rmSync(lockOptions(dataDir).lockfilePath, { recursive: true, force: true });
    }
  }
  return undefined;
}

function readOwner(dataDir: string): { pid: number; argv: string[] } | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process whose parent has not reaped it yet still answers signals: a zombie holds no lock.
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function tempSocketPath(): string {
  // Unix socket paths are limited to ~107 bytes, so keep them short and in the system temp folder.
  return path.join(os.tmpdir(), `vssid-${process.pid}-${Math.random().toString(36).slice(2, 8)}.sock`);
}

function describeOwner(dataDir: string): string {
  const owner = readOwner(dataDir);
  return owner ? `process ${owner.pid} (${owner.argv.join(' ')})` : 'another process';
}
