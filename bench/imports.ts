import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { type DatabaseConfig, databaseConfigFromEnv } from '../api/src/config.ts';
import { migrateDatabase, openDatabase } from '../api/src/db/client.ts';
import { runImport } from '../api/src/imports/run.ts';
import { loadReferenceIfEmpty } from '../api/src/reference/load.ts';
import { seedDatabase } from '../api/src/seed/load.ts';

/*
 * `pnpm bench imports`: seeds the province scale (250.000 persons), writes a CSV of 1.000.000 steps for
 * them (every step of the first 200.000 persons, with days in order, so part of them are new, part
 * earlier than the recorded ones and part unchanged) and imports it in a process of its own, as
 * `pnpm cli import steps` would, printing rows per second and that process's peak RSS. On PGlite and
 * PostgreSQL, as `pnpm bench api` (BENCH_ONLY, BENCH_PG); BENCH_ROWS changes the number of rows.
 *
 * Meanwhile this process asks `select 1` on a connection of its own, again 5 ms after each answer,
 * as the server's other requests would, and prints the longest it waited: on the embedded database,
 * how long the import kept PGlite's one session (or its process's event loop) from anyone else.
 */

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const STEPS = ['REGISTERED', 'APPROVED', 'ACTIVATED', 'FORM_SIGNED', 'VERIFIED'];
const OFFSETS = [0, 3, 6, 12, 20];

function writeStepsCsv(file: string, codes: string[]): void {
  const out = fs.openSync(file, 'w');
  let chunk = 'social_insurance_code,step,date\n';
  const start = Date.UTC(2021, 3, 1);
  for (let i = 0; i < ROWS; i++) {
    const person = Math.floor(i / STEPS.length) % codes.length;
    const step = i % STEPS.length;
    const day = new Date(start + ((person % 180) + (OFFSETS[step] as number)) * 86_400_000);
    const text = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    chunk += `${codes[person]},${STEPS[step]},${text}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

/** The import itself, in the child process: prints one line of JSON. */
async function child(file: string): Promise<void> {
  // One connection, so that one server process does the whole import and its CPU time can be read.
  const database = await openDatabase(databaseConfigFromEnv(), { max: 1 });
  try {
    const bytes = fs.readFileSync(file);
    // The parent connects its probe, on the embedded database to this process's socket.
    console.log(JSON.stringify({ socketPath: database.socketPath ?? null }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = performance.now();
    const phases: Record<string, number> = {};
    let writingCpu: NodeJS.CpuUsage | undefined;
    const summary = await runImport(database.db, {
      kind: 'steps',
      fileName: path.basename(file),
      bytes,
      actor: { userId: null, osUser: 'bench' },
      workMem: database.kind === 'postgres' ? '64MB' : undefined,
      onProgress: ({ phase }) => {
        phases[phase] ??= performance.now() - started;
        if (phase === 'writing') writingCpu = process.cpuUsage();
      },
    });
    const ms = performance.now() - started;
    const written = writingCpu ? process.cpuUsage(writingCpu) : null;
    const [backend] = await database.sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    console.log(
      JSON.stringify({
        ms,
        checkingMs: phases.checking ?? null,
        writingMs: phases.writing ?? null,
        // On PGlite the database runs on this process's main thread: its CPU time while writing is
        // about how long the write transaction would hold the session on an idle machine.
        writingCpuMs: written ? (written.user + written.system) / 1000 : null,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000,
        serverCpuMs: database.kind === 'postgres' ? processCpuMs(backend?.pid ?? 0) : null,
        outcome: summary.outcome,
        rowsRead: summary.rowsRead,
        rowsNew: summary.rowsNew,
        rowsUpdated: summary.rowsUpdated,
        rowsUnchanged: summary.rowsUnchanged,
        warnings: summary.warnings,
        errors: summary.errors,
      }),
    );
  } finally {
    await database.close();
  }
}

async function prepare(config: DatabaseConfig, file: string): Promise<void> {
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
    await loadReferenceIfEmpty(database.db);
    const seeded = await seedDatabase(database.db, { scale: 'province', seed: 1, reset: true });
    const codes = await database.sql<{ code: string }[]>`
      select social_insurance_code as code from persons order by id limit ${Math.ceil(ROWS / STEPS.length)}`;
    writeStepsCsv(
      file,
      codes.map((c) => c.code),
    );
    console.log(
      `  seeded ${seeded.persons.toLocaleString('vi-VN')} persons, ${seeded.steps.toLocaleString('vi-VN')} steps; ` +
        `file of ${ROWS.toLocaleString('vi-VN')} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`,
    );
  } finally {
    await database.close();
  }
}

interface Probe {
  /** The longest a `select 1` waited for its answer, and when it was asked (ms from the first). */
  worstMs: number;
  worstAtMs: number;
  asked: number;
  overOneSecond: number;
}

function runChild(
  env: NodeJS.ProcessEnv,
  file: string,
): Promise<{ result: Record<string, number | string | null>; probe: Probe }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, 'child', file], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let probing: Promise<Probe> | undefined;
    let done = false;
    proc.stdout.on('data', (d) => {
      out += d;
      const first = out.indexOf('\n');
      if (probing || first < 0) return;
      const { socketPath } = JSON.parse(out.slice(0, first)) as { socketPath: string | null };
      const options = { max: 1, onnotice: () => {}, connect_timeout: 60 };
      const sql = socketPath
        ? postgres({ ...options, path: socketPath, user: 'postgres', database: 'postgres', prepare: false })
        : postgres(env.DATABASE_URL as string, options);
      probing = (async () => {
        const probe: Probe = { worstMs: 0, worstAtMs: 0, asked: 0, overOneSecond: 0 };
        const start = performance.now();
        while (!done) {
          const asked = performance.now();
          try {
            await sql`select 1`;
          } catch {
            break; // the child ended, and with it the embedded database
          }
          const waited = performance.now() - asked;
          probe.asked++;
          if (waited > 1000) probe.overOneSecond++;
          if (waited > probe.worstMs) Object.assign(probe, { worstMs: waited, worstAtMs: asked - start });
          await new Promise((r) => setTimeout(r, 5));
        }
        await sql.end({ timeout: 1 }).catch(() => {});
        return probe;
      })();
    });
    proc.on('exit', async (code) => {
      done = true;
      const probe = (await probing) ?? { worstMs: 0, worstAtMs: 0, asked: 0, overOneSecond: 0 };
      if (code !== 0) return reject(new Error(out));
      resolve({ result: JSON.parse(out.trim().split('\n').at(-1) as string), probe });
    });
  });
}

async function benchOne(label: string, env: NodeJS.ProcessEnv, file: string): Promise<void> {
  console.log(`\n${label}`);
  await prepare(databaseConfigFromEnv({ ...process.env, ...env }), file);
  const load = os.loadavg()[0] as number;
  const { result: r, probe } = await runChild(env, file);
  const ms = r.ms as number;
  console.log(
    `  import steps: ${(ms / 1000).toFixed(1)} s, ${Math.round((r.rowsRead as number) / (ms / 1000)).toLocaleString('vi-VN')} rows/s, ` +
      `peak RSS ${Math.round(r.maxRssMb as number)} MB; ${r.outcome}: ${r.rowsNew} new, ${r.rowsUpdated} updated, ${r.rowsUnchanged} unchanged, ${r.warnings} warnings, ${r.errors} errors`,
  );
  // Wall time depends on what else the machine runs; CPU time says what the import itself costs.
  const server =
    typeof r.serverCpuMs === 'number'
      ? ` + its PostgreSQL server process ${(r.serverCpuMs / 1000).toFixed(1)} s`
      : '';
  console.log(
    `  CPU: import process ${((r.cpuMs as number) / 1000).toFixed(1)} s${server}; load average at the start ${load.toFixed(1)} on ${os.availableParallelism()} cores`,
  );
  const s = (x: unknown) => (typeof x === 'number' ? `${(x / 1000).toFixed(1)} s` : '–');
  const writing = typeof r.writingMs === 'number' ? ms - r.writingMs : null;
  console.log(
    `  phases: reading and staging ${s(r.checkingMs)}, checking ${s(typeof r.writingMs === 'number' && typeof r.checkingMs === 'number' ? r.writingMs - r.checkingMs : null)}, ` +
      `the write transaction ${s(writing)}${r.writingCpuMs !== null && typeof r.serverCpuMs !== 'number' ? ` (${s(r.writingCpuMs)} CPU)` : ''}`,
  );
  console.log(
    `  a concurrent select 1 (${probe.asked} asked) waited at most ${Math.round(probe.worstMs)} ms (asked at ${s(probe.worstAtMs)}), ${probe.overOneSecond} waited over 1 s`,
  );
}

/** CPU time of a process of this machine (the server's process for our connection), from /proc. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null; // a server on another machine
  }
}

export async function benchImports(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-bench-imports-'));
  const file = path.join(dir, 'steps.csv');
  const only = process.env.BENCH_ONLY;
  try {
    if (only !== 'postgres')
      await benchOne('Embedded (PGlite)', { DATABASE_URL: '', DATA_DIR: path.join(dir, 'data') }, file);
    if (only !== 'embedded') {
      const server = process.env.BENCH_PG ?? 'postgres://root@127.0.0.1:5432/postgres';
      const name = `vssid_bench_imports_${process.pid}`;
      const admin = postgres(server, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(server);
      url.pathname = `/${name}`;
      try {
        await benchOne(`PostgreSQL (${url.host})`, { DATABASE_URL: url.toString() }, file);
      } finally {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') {
  child(process.argv[3] as string).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
