import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import postgres from 'postgres';
import { migrateDatabase, openDatabase } from '../api/src/db/client.ts';
import { createUser } from '../api/src/db/queries/accounts.ts';
import { loadReferenceIfEmpty } from '../api/src/reference/load.ts';
import { seedDatabase } from '../api/src/seed/load.ts';

/*
 * `pnpm bench:web`: how long the overview takes to show its first chart (the districts compared) in
 * Debian's Chromium, at the province scale (about 250.000 persons) on PostgreSQL, served by the
 * production server and bundle. Each run is a fresh browser context (no HTTP cache, no urql cache),
 * signed in already, timed from the start of navigation to the first bar drawn; half the runs ask for
 * today, half for a past day the server has not been asked about; then to the province's map drawn.
 * Prints figures; asserts nothing.
 *   BENCH_PG=postgres://… the server (default postgres://root@127.0.0.1:5432/postgres);
 *   BENCH_RUNS=n runs (default 20).
 */

const repoRoot = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const PASSWORD = 'bench password long enough';
const PAST_DAYS = ['2021-06-01', '2021-07-15', '2021-08-31', '2021-10-10', '2021-11-20', '2022-01-05'];

function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    });
    let output = '';
    const onData = (d: Buffer) => {
      output += d;
      const match = /dashboard: (http:\/\/localhost:\d+)\//.exec(output);
      if (match) resolve({ url: match[1] as string, child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stats(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  console.log(
    `${label.padEnd(34)} median ${at(0.5).toFixed(0).padStart(5)} ms   p95 ${at(0.95).toFixed(0).padStart(5)} ms   ` +
      `min ${sorted[0]?.toFixed(0)} ms   max ${sorted.at(-1)?.toFixed(0)} ms   (${sorted.length} runs)`,
  );
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(repoRoot, 'web/dist/index.html'))) {
    console.error('web/dist is missing: run `pnpm build:web` first.');
    process.exit(2);
  }
  const serverUrl = process.env.BENCH_PG ?? 'postgres://root@127.0.0.1:5432/postgres';
  const name = `vssid_bench_web_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let server: { url: string; child: ChildProcess } | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const database = await openDatabase({ url: url.toString(), dataDir: '' });
    try {
      await migrateDatabase(database);
      await loadReferenceIfEmpty(database.db);
      const seeded = await seedDatabase(database.db, { scale: 'province', seed: 1 });
      console.log(`Seeded the province scale: ${seeded.persons} persons, ${seeded.units} units.`);
      await createUser(database.db, { username: 'bench', role: 'PROVINCE', password: PASSWORD });
    } finally {
      await database.close();
    }
    server = await startServer(url.toString());
    const login = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    });
    const [cookieName, cookieValue] = (login.headers.get('set-cookie') ?? '').split(';')[0]?.split('=') ?? [];
    if (!login.ok || !cookieName || !cookieValue) throw new Error(`sign-in failed: ${login.status}`);

    const maps: number[] = [];
    const firstChart = async (target: string) => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
      await context.addCookies([{ name: cookieName, value: cookieValue, url: server?.url as string }]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server?.url}${target}`, { waitUntil: 'commit' });
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      const elapsed = performance.now() - started;
      // The map's chunk and boundaries are asked for once the data is there: when it is drawn, too.
      await page.locator('.map__area').first().waitFor();
      maps.push(performance.now() - started);
      await context.close();
      return elapsed;
    };
    await firstChart('/'); // the server's first request compiles nothing, but warms its pool
    const today: number[] = [];
    const past: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) today.push(await firstChart('/'));
      else past.push(await firstChart(`/?asOf=${PAST_DAYS[(i >> 1) % PAST_DAYS.length]}`));
    }
    console.log(
      `\nFirst chart of the overview, province scale, PostgreSQL (${url.host}), fresh browser context:`,
    );
    stats('today', today);
    stats('a past day (?asOf=…)', past);
    stats('the map drawn (both kinds of day)', maps.slice(1));
  } finally {
    await browser.close();
    server?.child.kill('SIGTERM');
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
