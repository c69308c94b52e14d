import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import lockfile from 'proper-lockfile';

/*
 * The embedded database is one process's at a time: PGlite has no locking of its own, and two
 * processes opening the same folder would corrupt it. The first process takes a lock on the folder,
 * opens PGlite and serves it on a Unix socket inside the folder; every connection, its own included,
 * goes through that socket, whose queue runs one transaction at a time. A later `pnpm cli` finds the
 * lock held and connects to the same socket, so it works while `pnpm start` runs and cannot corrupt
 * anything.
 */

export interface EmbeddedHandle {
  /** Unix socket path to connect the postgres driver to. */
  socketPath: string;
  /** True when this process opened PGlite; false when it reached another process's database. */
  owner: boolean;
  close(): Promise<void>;
}

const SOCKET_NAME = '.s.PGSQL.5432';
const OWNER_FILE = 'owner.json';

export async function openEmbedded(dataDir: string): Promise<EmbeddedHandle> {
  if (dataDir === 'memory://' || dataDir.startsWith('memory://'))
    return startOwner(undefined, tempSocketPath());
  fs.mkdirSync(dataDir, { recursive: true });
  const socketPath = path.join(dataDir, SOCKET_NAME);
  let release: (() => Promise<void>) | undefined;
  try {
    release = await lockfile.lock(dataDir, {
      stale: 15_000,
      update: 5_000,
      lockfilePath: path.join(dataDir, '.lock'),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
  }
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
    return await startOwner(path.join(dataDir, 'pgdata'), socketPath, release);
  } catch (error) {
    await release();
    throw error;
  }
}

async function startOwner(
  pgDataDir: string | undefined,
  socketPath: string,
  release?: () => Promise<void>,
): Promise<EmbeddedHandle> {
  // A socket file left by a process that died is stale once we hold the lock.
  fs.rmSync(socketPath, { force: true });
  const pg = await PGlite.create(pgDataDir ? { dataDir: pgDataDir } : {});
  const server = new PGLiteSocketServer({ db: pg, path: socketPath, maxConnections: 64 });
  await server.start();
  return {
    socketPath,
    owner: true,
    async close() {
      await server.stop();
      await pg.close();
      fs.rmSync(socketPath, { force: true });
      await release?.();
    },
  };
}

function tempSocketPath(): string {
  // Unix socket paths are limited to ~107 bytes, so keep them short and in the system temp folder.
  return path.join(os.tmpdir(), `vssid-${process.pid}-${Math.random().toString(36).slice(2, 8)}.sock`);
}

function describeOwner(dataDir: string): string {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as {
      pid: number;
      argv: string[];
    };
    return `process ${owner.pid} (${owner.argv.join(' ')})`;
  } catch {
    return 'another process';
  }
}
