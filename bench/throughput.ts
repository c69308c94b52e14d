import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { prepareDatabase } from '../api/src/bootstrap.ts';
import { openDatabase } from '../api/src/db/client.ts';
import { createToken, createUser } from '../api/src/db/queries/accounts.ts';
import { procStatus, type Server, startServer, stopServer } from './load.ts';

/*
 * `pnpm bench throughput`: the district question ("per district, insured persons and activated on a
 * day") served by `pnpm start`'s server over HTTP at the province scale on PostgreSQL, beside the one
 * SQL statement that answers it run by pgbench -M prepared: the rate the database itself can answer
 * at, on the same machine in the same run. Prints, at 8 and 32 connections, requests/s and p50/p99
 * of (a) the same question repeated and (b) the question with another day on each request, and the
 * ratios to the statement's rate; the server's peak RSS. Asserts nothing.
 *   BENCH_PG=postgres://… the server to use (default postgres://root@127.0.0.1:5432/postgres);
 *   THROUGHPUT_SECONDS=n seconds per run (default 15).
 */

const SECONDS = Number(process.env.THROUGHPUT_SECONDS ?? 15);
const CONNECTIONS = [8, 32];
const QUERY =
  'query ($asOf: Date) { breakdown(by: DISTRICT, scope: { geography: "KH-2021" }, asOf: $asOf) { key coverage { target activated } } }';
const FIXED_DAY = '2021-07-31';
/** The days (b) walks through: 400 days from the rollout's start, one after another. */
const FIRST_DAY = Date.UTC(2021, 3, 5);
const dayOf = (i: number) => new Date(FIRST_DAY + (i % 400) * 86_400_000).toISOString().slice(0, 10);

/**
 * The fastest statement found that answers the question from the rollups: per district, one range
 * seek in area_daily's (area, day) key. Joining and grouping the same day rows instead was 9× slower
 * (288 against 2.578 statements/s at 8 connections).
 */
const SQL = (day: string) => `
select a.code, t.persons,
  (select coalesce(sum(d.activated), 0)::int from area_daily d where d.area_id = a.id and d.day <= ${day}) as activated
from areas a
join area_totals t on t.area_id = a.id
where a.parent_id = (select r.id from areas r join geographies g on g.id = r.geography_id
                     where r.parent_id is null and g.code = 'KH-2021');
`;

interface Figures {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
}

function http(port: number, token: string, connections: number, varyDay: boolean): Promise<Figures> {
  let i = 0;
  // (b) must never be answered from memory: the days of the data run out within seconds, so each
  // request also carries a number of its own (a variable the query does not declare, which GraphQL
  // ignores but the response cache's key holds).
  const body = (day: string, nonce?: number) =>
    JSON.stringify({ query: QUERY, variables: nonce === undefined ? { asOf: day } : { asOf: day, nonce } });
  return autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body(FIXED_DAY),
    requests: varyDay
      ? [{ setupRequest: (request) => ({ ...request, body: body(dayOf(i), i++) }) }]
      : undefined,
  }).then((result) => ({
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }));
}

function pgbench(url: string, connections: number, varyDay: boolean): Figures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-pgbench-'));
  const file = path.join(dir, 'district.sql');
  fs.writeFileSync(
    file,
    varyDay
      ? `\\set d random(0, 399)\n${SQL(`'2021-04-05'::date + (:d)::int`)}`
      : SQL(`'${FIXED_DAY}'::date`),
  );
  const output = execFileSync(
    'pgbench',
    ['-n', '-M', 'prepared', '-c', String(connections), '-j', '2', '-T', String(SECONDS), '-f', file, url],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  const rate = Number(/tps = ([\d.]+)/.exec(output)?.[1] ?? Number.NaN);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1] ?? Number.NaN);
  return { rate, p50: latency, p99: Number.NaN, errors: 0 };
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

export async function benchThroughput(): Promise<void> {
  const serverUrl = process.env.BENCH_PG ?? 'postgres://root@127.0.0.1:5432/postgres';
  const databaseName = `vssid_bench_throughput_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  let server: Server | null = null;
  try {
    await admin.unsafe(`create database ${databaseName}`);
    const database = await openDatabase({ url: url.toString(), dataDir: '' });
    let token: string;
    try {
      const started = performance.now();
      await prepareDatabase(database, () => {}, { scale: 'province', seed: 1 });
      console.log(`Province scale prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const viewer = await createUser(database.db, {
        username: 'throughput',
        role: 'PROVINCE',
        password: 'bench throughput password',
      });
      token = (await createToken(database.db, viewer.userId, 1)).token;
    } finally {
      await database.close();
    }
    // `pnpm start`'s settings, but for the per-account limit (600 requests a minute), which one token
    // asking as fast as it can would meet at once: the question is what the server can serve.
    process.env.REQUESTS_PER_MINUTE = '100000000';
    server = await startServer(url.toString());
    // Warm up: the first requests compile, plan and fill the pools.
    await http(server.port, token, 8, true);
    console.log(
      `load average before the runs: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `\n${'run'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(6)}  ratio`,
    );
    for (const connections of CONNECTIONS) {
      const sqlFixed = pgbench(url.toString(), connections, false);
      const sqlVaried = pgbench(url.toString(), connections, true);
      const apiFixed = await http(server.port, token, connections, false);
      const apiVaried = await http(server.port, token, connections, true);
      const line = (name: string, f: Figures, reference?: Figures) =>
        console.log(
          `${name.padEnd(44)} ${fmt(f.rate).padStart(8)} ${fmt(f.p50, 1).padStart(7)} ${fmt(f.p99, 1).padStart(7)} ${String(f.errors).padStart(6)}  ${reference ? `${fmt(f.rate / reference.rate, 2)}×` : ''}`,
        );
      line(`${connections} conn: SQL, pgbench -M prepared, one day`, sqlFixed);
      line(`${connections} conn: SQL, pgbench -M prepared, day varies`, sqlVaried);
      line(`${connections} conn: API (a) the same question`, apiFixed, sqlFixed);
      line(`${connections} conn: API (b) another day each request`, apiVaried, sqlVaried);
    }
    const status = procStatus(server.child.pid ?? 0);
    console.log(`\nserver peak RSS (VmHWM): ${fmt(status?.hwmMb ?? Number.NaN)} MB`);
    console.log('(pgbench reports only the mean latency, shown as its p50.)');
  } finally {
    if (server) await stopServer(server);
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
}
