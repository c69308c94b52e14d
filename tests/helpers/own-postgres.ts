import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The PostgreSQL binaries Debian installs (initdb and pg_ctl are not on the PATH). */
function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const version = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return version ? path.join(root, version, 'bin') : null;
}

/** A cluster of the test's own can be made here: the binaries are there and we may act as `postgres`. */
export const canRunOwnPostgres = binDir() !== null && process.getuid?.() === 0;

export interface OwnPostgres {
  url: string;
  /** SIGKILL to the postmaster, as a crash or an operator's `kill -9` would. */
  kill(): void;
  /** Starts it again (retrying while the killed one's backends are still going away). */
  start(): Promise<void>;
  /** `pg_ctl restart -m fast`: every connection is closed, the server comes back at once. */
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A temporary PostgreSQL cluster on a free port, in a folder of its own, run as the `postgres` user
 * (initdb refuses root), with trust authentication on 127.0.0.1 only. Nothing else on the machine
 * is touched: it is stopped and its folder removed by destroy().
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-own-pg-'));
  const { uid, gid } = postgresIds();
  fs.chownSync(dir, uid, gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const asPostgres = (tool: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { cwd: dir });
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    asPostgres('pg_ctl', ['-D', data, '-o', options, '-w', '-t', '30', '-l', path.join(dir, 'log'), 'start']);
  await start();
  const postmasterPid = () =>
    Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    kill() {
      process.kill(postmasterPid(), 'SIGKILL');
    },
    async start() {
      const until = Date.now() + 30_000;
      for (;;) {
        try {
          await start();
          return;
        } catch (error) {
          if (Date.now() > until) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    },
    async restart() {
      await asPostgres('pg_ctl', [
        '-D',
        data,
        '-o',
        options,
        '-w',
        '-m',
        'fast',
        '-l',
        path.join(dir, 'log'),
        'restart',
      ]);
    },
    async destroy() {
      await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `postgres` user's uid and gid, which own the cluster's folder. */
function postgresIds(): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres user on this machine');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
