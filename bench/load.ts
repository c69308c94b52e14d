import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { formatDocument, stringifyDocument } from '@urql/core';
import postgres from 'postgres';
import { prepareDatabase } from '../api/src/bootstrap.ts';
import { openDatabase } from '../api/src/db/client.ts';
import { createToken, createUser } from '../api/src/db/queries/accounts.ts';
import {
  AreaPageDocument,
  BlockersDocument,
  GoalPanelDocument,
  LaggingUnitsDocument,
  RootOverviewDocument,
  ScopePeopleDocument,
  ScopeTrendDocument,
  UnitsTableDocument,
} from '../web/src/gql/graphql.ts';
import { addDays, todayInVietnam } from '../web/src/lib/days.ts';

/*
 * `pnpm bench load`: virtual dashboard users against the real server (`node --import tsx
 * api/src/main.ts`, NODE_ENV=production, as `pnpm start` runs it) on a fresh PostgreSQL database
 * seeded at the province scale (about 8.000 units, 250.000 persons) with the demo goal and accounts.
 *
 * Each virtual user is a PROVINCE account of its own with an API token of its own, so the limit of
 * REQUESTS_PER_MINUTE (600) per credential applies per user, as for people signed in. It loops, closed:
 * load a page, think, load the next, alternating the overview (`/`) and a district's page
 * (`/areas/568`…`/areas/576`, a different district each time). A page load sends what the dashboard
 * sends, byte for byte (the generated documents through urql's formatDocument and stringifyDocument,
 * POSTed as JSON with a bearer token): first the page's query, then, once it has answered, its panels'
 * queries at once, as the browser does (at most 6 connections per user, HTTP/1.1 keep-alive):
 *   overview:      RootOverview, then GoalPanel, ScopeTrend, Blockers, LaggingUnits
 *   district page: AreaPage, then GoalPanel, ScopeTrend, ScopePeople, Blockers, UnitsTable
 * A failed page query ends the page load (the dashboard shows its error and asks nothing more); a
 * failed panel query is counted and the user goes on, as nothing retries on its own.
 * Think time: 1 s on average between the end of a page load and the next (uniform 0,5–1,5 s); the
 * users start spread over the first second. The server is started afresh for each run (its peak RSS is
 * the run's); each run is preceded by one page load of each kind, not counted.
 *
 * Prints for each run: page loads and requests per second, p50/p95/p99 of requests and of page loads,
 * each document's, errors by kind (HTTP status and GraphQL code: 503 SERVER_BUSY, 429
 * TOO_MANY_REQUESTS, timeouts…), the server's RSS (peak: VmHWM), CPU time of the server, of its
 * PostgreSQL processes, of this process and of everything else on the machine, what PostgreSQL's
 * connections wait on (sampled every 500 ms), and the load average.
 *   LOAD_USERS=50,200      the runs, by number of users
 *   LOAD_SECONDS=60        each run's length
 *   LOAD_THINK_MS=1000     the mean think time
 *   LOAD_AS_OF=today       the day asked: `today` (no asOf, what the dashboard opens on), `mixed`
 *                          (half today, half one of six month-ends of 2021) or a day yyyy-mm-dd
 *   LOAD_TIMEOUT_SECONDS=30  a request that has not answered by then is given up and counted a timeout
 *   LOAD_SOAK=1            instead: 20 users (LOAD_SOAK_USERS) for 10 minutes (LOAD_SOAK_SECONDS),
 *                          the server's RSS sampled every 10 s (LOAD_SOAK_SAMPLE_SECONDS), printed as a
 *                          series with its slope
 *   BENCH_PG=postgres://…  the server to make the database on (default postgres://root@127.0.0.1:5432/postgres)
 *   REQUESTS_PER_MINUTE    passed on to the server
 * Prints figures; asserts nothing. Stops the server and drops the database at the end, on an error
 * and on Ctrl-C.
 */

const repoRoot = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'bench load password';
const PROVINCE = '56';
const DISTRICTS = ['568', '569', '570', '571', '572', '573', '574', '575', '576'];
const MIXED_DAYS = [null, '2021-06-30', null, '2021-09-30', null, '2021-12-31'];
const GOAL_RATE = 0.8; // the demo goal's, so GoalPanel asks once
const TREND_DAYS = 90;
/** The map the pages are read in: the districts above are 2021's (the dashboard's `?geo=KH-2021`). */
const GEOGRAPHY = 'KH-2021';

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return n;
}

const SECONDS = numberFromEnv('LOAD_SECONDS', 60);
const THINK_MS = numberFromEnv('LOAD_THINK_MS', 1000);
const TIMEOUT_MS = numberFromEnv('LOAD_TIMEOUT_SECONDS', 30) * 1000;
const AS_OF = process.env.LOAD_AS_OF || 'today';

/** What the browser sends for each document: urql adds __typename to every selection set. */
export const QUERIES = {
  RootOverview: stringifyDocument(formatDocument(RootOverviewDocument)),
  AreaPage: stringifyDocument(formatDocument(AreaPageDocument)),
  GoalPanel: stringifyDocument(formatDocument(GoalPanelDocument)),
  ScopeTrend: stringifyDocument(formatDocument(ScopeTrendDocument)),
  ScopePeople: stringifyDocument(formatDocument(ScopePeopleDocument)),
  Blockers: stringifyDocument(formatDocument(BlockersDocument)),
  LaggingUnits: stringifyDocument(formatDocument(LaggingUnitsDocument)),
  UnitsTable: stringifyDocument(formatDocument(UnitsTableDocument)),
};
type DocumentName = keyof typeof QUERIES;
const DOCUMENT_NAMES = Object.keys(QUERIES) as DocumentName[];

export interface Query {
  name: DocumentName;
  variables: Record<string, unknown>;
}
type PageKind = 'overview' | 'district';

/** The day of a page load: null is today, as the dashboard without `?asOf=`. */
function dayOf(user: number, load: number): string | null {
  if (AS_OF === 'today') return null;
  if (AS_OF === 'mixed') return MIXED_DAYS[(user + Math.floor(load / 2)) % MIXED_DAYS.length] ?? null;
  return AS_OF;
}

/** The panels of an area's page, once its query has answered: what AreaView renders. */
export function panelRequests(areaId: string, level: string, asOf: string | null): Query[] {
  const to = asOf ?? todayInVietnam();
  const requests: Query[] = [
    { name: 'GoalPanel', variables: { scope: { areaId, geography: GEOGRAPHY }, asOf, rate: GOAL_RATE } },
    {
      name: 'ScopeTrend',
      variables: { scope: { areaId, geography: GEOGRAPHY }, from: addDays(to, -TREND_DAYS), to },
    },
  ];
  // The officers panel and the units table ask the same ScopePeople: urql sends it once.
  if (level !== 'PROVINCE')
    requests.push({ name: 'ScopePeople', variables: { scope: { areaId, geography: GEOGRAPHY }, asOf } });
  requests.push({ name: 'Blockers', variables: { scope: { areaId, geography: GEOGRAPHY }, asOf } });
  if (level === 'PROVINCE')
    requests.push({ name: 'LaggingUnits', variables: { id: areaId, geography: GEOGRAPHY, asOf } });
  else
    requests.push({
      name: 'UnitsTable',
      variables: {
        scope: { areaId, geography: GEOGRAPHY, sector: null, officeId: null, staffId: null },
        filter: { search: null, reached: null, notContacted: null },
        orderBy: 'ACTIVATION_RATE_ASC',
        asOf,
        first: 25,
        offset: 0,
      },
    });
  return requests;
}

export function pageRequest(kind: PageKind, district: string, asOf: string | null): Query {
  const weekAgo = addDays(asOf ?? todayInVietnam(), -7);
  return kind === 'overview'
    ? { name: 'RootOverview', variables: { geography: GEOGRAPHY, asOf, weekAgo } }
    : { name: 'AreaPage', variables: { id: district, geography: GEOGRAPHY, asOf, weekAgo } };
}

/* ---------------------------------------------------------------------------------------------- */
/* HTTP                                                                                           */

interface Outcome {
  ms: number;
  /** null when it answered 200 without errors; else what went wrong, e.g. "503 SERVER_BUSY". */
  error: string | null;
  data: Record<string, unknown> | null;
  /** Sent again after the server closed the kept-alive connection it was sent on. */
  retried: boolean;
}

function send(agent: http.Agent, port: number, token: string, request: Query): Promise<Outcome> {
  const body = JSON.stringify({
    query: QUERIES[request.name],
    operationName: request.name,
    variables: request.variables,
  });
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let retried = false;
    let req: http.ClientRequest | undefined;
    const done = (error: string | null, data: Record<string, unknown> | null = null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, error, data, retried });
    };
    const timer = setTimeout(() => {
      done('timeout');
      req?.destroy();
    }, TIMEOUT_MS);
    const attempt = () => {
      let answered = false;
      const current = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: {
            accept:
              'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) =>
            done(`network ${(error as NodeJS.ErrnoException).code ?? error.message}`),
          );
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            let json: {
              data?: Record<string, unknown>;
              errors?: { extensions?: { code?: string } }[];
            } | null = null;
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              // not JSON: the status says it
            }
            const code = json?.errors?.[0]?.extensions?.code;
            if (status === 200 && !json?.errors?.length && json?.data) done(null, json.data);
            else done(`${status}${code ? ` ${code}` : json ? '' : ' (not JSON)'}`);
          });
        },
      );
      req = current;
      current.on('error', (error) => {
        const code = (error as NodeJS.ErrnoException).code ?? error.message;
        // A kept-alive connection the server closed as it was reused (its keep-alive timeout is 5 s):
        // browsers send the request again on a new one, once; so does this.
        if (
          !answered &&
          !retried &&
          !settled &&
          current.reusedSocket &&
          (code === 'ECONNRESET' || code === 'EPIPE')
        ) {
          retried = true;
          attempt();
          return;
        }
        done(`network ${code}`);
      });
      current.end(body);
    };
    attempt();
  });
}

/* ---------------------------------------------------------------------------------------------- */
/* Figures                                                                                        */

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function summarize(times: number[]): Summary {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : `${x.toFixed(0)} ms`).padStart(9);
const count = (x: number) => x.toLocaleString('vi-VN');
const line = (s: Summary) => `${ms(s.p50)} ${ms(s.p95)} ${ms(s.p99)} ${ms(s.max)}`;

class Recorder {
  readonly requests: number[] = [];
  readonly okRequests: number[] = [];
  readonly byDocument = new Map<DocumentName, { times: number[]; errors: number }>();
  readonly pages: Record<PageKind, number[]> = { overview: [], district: [] };
  readonly errors = new Map<string, number>();
  failedPages = 0;
  retried = 0;

  request(name: DocumentName, outcome: Outcome): void {
    this.requests.push(outcome.ms);
    if (outcome.retried) this.retried++;
    const doc = this.byDocument.get(name) ?? { times: [], errors: 0 };
    this.byDocument.set(name, doc);
    doc.times.push(outcome.ms);
    if (outcome.error) {
      doc.errors++;
      this.errors.set(outcome.error, (this.errors.get(outcome.error) ?? 0) + 1);
    } else this.okRequests.push(outcome.ms);
  }

  page(kind: PageKind, elapsed: number, failed: boolean): void {
    this.pages[kind].push(elapsed);
    if (failed) this.failedPages++;
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* The virtual users                                                                              */

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

/** A small deterministic generator (mulberry32), one per user, so runs think alike. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function loadPage(
  agent: http.Agent,
  port: number,
  token: string,
  kind: PageKind,
  district: string,
  asOf: string | null,
  recorder: Recorder | null,
): Promise<void> {
  const started = performance.now();
  const first = pageRequest(kind, district, asOf);
  const outcome = await send(agent, port, token, first);
  recorder?.request(first.name, outcome);
  let failed = outcome.error !== null;
  if (!failed) {
    const area = (
      kind === 'overview'
        ? (outcome.data?.areas as Record<string, unknown>[] | undefined)?.[0]
        : outcome.data?.area
    ) as { id?: string; level?: string } | undefined;
    const panels = panelRequests(
      area?.id ?? (kind === 'overview' ? PROVINCE : district),
      area?.level ?? (kind === 'overview' ? 'PROVINCE' : 'DISTRICT'),
      asOf,
    );
    const outcomes = await Promise.all(panels.map((request) => send(agent, port, token, request)));
    outcomes.forEach((o, i) => {
      recorder?.request((panels[i] as Query).name, o);
      if (o.error) failed = true;
    });
  }
  recorder?.page(kind, performance.now() - started, failed);
}

async function virtualUser(
  index: number,
  users: number,
  port: number,
  token: string,
  until: number,
  recorder: Recorder,
  stopped: () => boolean,
): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  const next = random(index + 1);
  try {
    await sleep((index * THINK_MS) / users);
    for (let load = 0; performance.now() < until && !stopped(); load++) {
      const kind: PageKind = load % 2 === 0 ? 'overview' : 'district';
      const district = DISTRICTS[(index + Math.floor(load / 2)) % DISTRICTS.length] as string;
      await loadPage(agent, port, token, kind, district, dayOf(index, load), recorder);
      await sleep(THINK_MS * (0.5 + next()));
    }
  } finally {
    agent.destroy();
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* The machine: memory and CPU from /proc                                                         */

export function procStatus(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** User and system CPU seconds of a process, or 0 when it is gone or elsewhere. */
function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds the whole machine has spent busy (everything but idle and I/O wait), all cores. */
function machineBusySeconds(): number {
  const [first] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
  const ticks = (first ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - (ticks[3] ?? 0) - (ticks[4] ?? 0)) / 100;
}

function selfCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/* ---------------------------------------------------------------------------------------------- */
/* The server                                                                                     */

export interface Server {
  child: ChildProcess;
  port: number;
  /** Lines the server printed since it was ready. */
  log: string[];
}

export function startServer(databaseUrl: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let server: Server | undefined;
    const onData = (d: Buffer) => {
      if (server) {
        for (const text of d.toString('utf8').split('\n')) if (text.trim()) server.log.push(text);
        return;
      }
      output += d;
      const match = /dashboard: http:\/\/localhost:(\d+)\//.exec(output);
      if (match) {
        server = { child, port: Number(match[1]), log: [] };
        resolve(server);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code, signal) => {
      if (!server) reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

/** Stops the server by its PID: SIGTERM, then SIGKILL if it has not ended within 12 s. */
export async function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
  await exited;
  clearTimeout(timer);
}

/* ---------------------------------------------------------------------------------------------- */
/* A run                                                                                          */

interface RunResult {
  users: number;
  seconds: number;
  elapsed: number;
  pages: number;
  failedPages: number;
  requests: Summary;
  okRequests: Summary;
  pageLoads: Summary;
  errors: number;
  errorKinds: Map<string, number>;
  peakRssMb: number;
  loadStart: number;
  loadEnd: number;
}

interface Context {
  databaseUrl: string;
  databaseName: string;
  admin: postgres.Sql;
  tokens: string[];
  /** The server now running, for the clean-up on Ctrl-C. */
  server: Server | null;
  stopping: boolean;
}

/**
 * What the database does during a run, from pg_stat_activity every 500 ms: how many of the server's
 * connections are running a statement and what those wait on (none: on CPU), and the CPU time of
 * every process of the database, parallel workers included (a worker that ends between two samples
 * loses its last half second).
 */
class DatabaseSampler {
  private readonly cpu = new Map<number, { first: number; last: number }>();
  private readonly active: number[] = [];
  private readonly waits = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private samples = 0;

  constructor(private readonly ctx: Context) {}

  async start(): Promise<void> {
    await this.sample();
    this.timer = setInterval(() => void this.sample(), 500);
  }

  async stop(): Promise<{ cpuSeconds: number; activeMean: number; activeMax: number; waits: string }> {
    clearInterval(this.timer);
    while (this.busy) await sleep(20);
    await this.sample();
    let cpuSecondsSum = 0;
    for (const { first, last } of this.cpu.values()) cpuSecondsSum += last - first;
    const total = [...this.waits.values()].reduce((a, b) => a + b, 0) || 1;
    return {
      cpuSeconds: cpuSecondsSum,
      activeMean: this.active.reduce((a, b) => a + b, 0) / (this.active.length || 1),
      activeMax: Math.max(0, ...this.active),
      waits: [...this.waits.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([what, n]) => `${what} ${((100 * n) / total).toFixed(0)} %`)
        .join(', '),
    };
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const rows = await this.ctx.admin<
        { pid: number; backend_type: string; state: string | null; wait: string | null }[]
      >`
        select pid, backend_type, state, wait_event_type || ':' || wait_event as wait
        from pg_stat_activity where datname = ${this.ctx.databaseName}`;
      const first = this.samples++ === 0;
      let active = 0;
      for (const row of rows) {
        const now = cpuSeconds(row.pid);
        const seen = this.cpu.get(row.pid);
        // A process that appears during the run spent all its CPU time in it.
        if (seen) seen.last = Math.max(seen.last, now);
        else this.cpu.set(row.pid, { first: first ? now : 0, last: now });
        if (row.backend_type === 'client backend' && row.state === 'active') {
          active++;
          const what = row.wait ?? 'on CPU';
          this.waits.set(what, (this.waits.get(what) ?? 0) + 1);
        }
      }
      if (!first) this.active.push(active);
    } finally {
      this.busy = false;
    }
  }
}

async function run(
  ctx: Context,
  users: number,
  seconds: number,
  rssSampleSeconds: number | null,
): Promise<RunResult> {
  const server = await startServer(ctx.databaseUrl);
  ctx.server = server;
  const pid = server.child.pid as number;
  try {
    // One page of each kind first, not counted: the pool's connections, the first plans, V8's first compilations.
    const warm = new http.Agent({ keepAlive: true, maxSockets: 6 });
    await loadPage(warm, server.port, ctx.tokens[0] as string, 'overview', '568', null, null);
    await loadPage(warm, server.port, ctx.tokens[0] as string, 'district', '568', null, null);
    warm.destroy();

    const recorder = new Recorder();
    const loadStart = os.loadavg()[0] as number;
    const rssStart = procStatus(pid)?.rssMb ?? 0;
    const databaseSampler = new DatabaseSampler(ctx);
    await databaseSampler.start();
    const cpuBefore = {
      server: cpuSeconds(pid),
      self: selfCpuSeconds(),
      machine: machineBusySeconds(),
    };
    const logBefore = server.log.length;
    const started = performance.now();
    let rssMax = rssStart;
    const series: [number, number][] = [];
    const poll = setInterval(() => {
      const status = procStatus(pid);
      if (status) rssMax = Math.max(rssMax, status.rssMb);
    }, 500);
    const sampler =
      rssSampleSeconds === null
        ? null
        : setInterval(() => {
            const status = procStatus(pid);
            if (status) series.push([(performance.now() - started) / 1000, status.rssMb]);
          }, rssSampleSeconds * 1000);
    if (sampler) series.push([0, rssStart]);
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: users }, (_, i) =>
        virtualUser(i, users, server.port, ctx.tokens[i] as string, until, recorder, () => ctx.stopping),
      ),
    );
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(poll);
    if (sampler) clearInterval(sampler);
    const status = procStatus(pid);
    const db = await databaseSampler.stop();
    const cpu = {
      server: cpuSeconds(pid) - cpuBefore.server,
      backends: db.cpuSeconds,
      self: selfCpuSeconds() - cpuBefore.self,
      machine: machineBusySeconds() - cpuBefore.machine,
    };
    const loadEnd = os.loadavg()[0] as number;
    const peakRssMb = Math.max(status?.hwmMb ?? 0, rssMax);

    const pages = recorder.pages.overview.length + recorder.pages.district.length;
    const errors = [...recorder.errors.values()].reduce((a, b) => a + b, 0);
    const all = summarize(recorder.requests);
    console.log(
      `\n${users} users, ${seconds} s (think ${THINK_MS} ms on average, asOf ${AS_OF}), ${elapsed.toFixed(1)} s until the last answer`,
    );
    console.log(
      `  ${count(pages)} page loads (${(pages / elapsed).toFixed(1)}/s, ${recorder.failedPages} with an error), ` +
        `${count(all.n)} requests (${(all.n / elapsed).toFixed(1)}/s), ${count(errors)} errors` +
        (recorder.retried
          ? `; ${count(recorder.retried)} sent again on a new connection after a keep-alive reset`
          : ''),
    );
    console.log(
      `  ${''.padEnd(26)} ${'n'.padStart(7)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)}`,
    );
    const row = (label: string, s: Summary, extra = '') =>
      console.log(`  ${label.padEnd(26)} ${count(s.n).padStart(7)} ${line(s)}${extra}`);
    row('requests, all', all);
    row('requests, answered 200', summarize(recorder.okRequests));
    row('page loads, overview', summarize(recorder.pages.overview));
    row('page loads, district', summarize(recorder.pages.district));
    for (const name of DOCUMENT_NAMES) {
      const doc = recorder.byDocument.get(name);
      if (doc) row(`  ${name}`, summarize(doc.times), doc.errors ? `   ${count(doc.errors)} errors` : '');
    }
    if (recorder.errors.size) {
      const kinds = [...recorder.errors.entries()].sort((a, b) => b[1] - a[1]);
      console.log(`  errors: ${kinds.map(([kind, n]) => `${kind} × ${count(n)}`).join(', ')}`);
    }
    const others = Math.max(0, cpu.machine - cpu.server - cpu.backends - cpu.self);
    const cores = (s: number) => `${s.toFixed(1)} s (${(s / elapsed).toFixed(2)} cores)`;
    console.log(
      `  server RSS: ${rssStart.toFixed(0)} MB before, peak ${peakRssMb.toFixed(0)} MB (VmHWM), ${(status?.rssMb ?? 0).toFixed(0)} MB after`,
    );
    console.log(
      `  CPU: server ${cores(cpu.server)}, its PostgreSQL backends ${cores(cpu.backends)}, this bench ${cores(cpu.self)}, ` +
        `everything else ${cores(others)}, of ${os.availableParallelism()} cores`,
    );
    console.log(
      `  PostgreSQL: ${db.activeMean.toFixed(1)} of the server's connections running a statement on average ` +
        `(at most ${db.activeMax}); what they waited on: ${db.waits || 'nothing sampled'}`,
    );
    console.log(
      `  load average (1 min): ${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end`,
    );
    const logged = server.log.slice(logBefore);
    if (logged.length) {
      console.log(`  the server printed ${logged.length} lines, e.g.:`);
      for (const text of [...new Set(logged)].slice(0, 5)) console.log(`    ${text.slice(0, 200)}`);
    }
    if (sampler) printSeries(series);
    return {
      users,
      seconds,
      elapsed,
      pages,
      failedPages: recorder.failedPages,
      requests: all,
      okRequests: summarize(recorder.okRequests),
      pageLoads: summarize([...recorder.pages.overview, ...recorder.pages.district]),
      errors,
      errorKinds: recorder.errors,
      peakRssMb,
      loadStart,
      loadEnd,
    };
  } finally {
    await stopServer(server);
    ctx.server = null;
  }
}

/** Least-squares slope of RSS against time, in MB a minute. */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return (sxy / sxx) * 60;
}

function printSeries(series: [number, number][]): void {
  console.log('  server RSS (VmRSS) over the run:');
  for (let i = 0; i < series.length; i += 6)
    console.log(
      `    ${series
        .slice(i, i + 6)
        .map(([t, mb]) => `${t.toFixed(0).padStart(4)} s ${mb.toFixed(0).padStart(4)} MB`)
        .join('   ')}`,
    );
  const rss = series.map(([, mb]) => mb);
  console.log(
    `  min ${Math.min(...rss).toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB; slope ${slope(series).toFixed(2)} MB/min`,
  );
  // The heap grows between collections, so RSS is a sawtooth: what would show a leak is its floor,
  // the lowest sample of each minute, rising from minute to minute.
  const minutes = new Map<number, number[]>();
  for (const [t, mb] of series) {
    const minute = Math.floor(Math.max(0, t - 0.001) / 60);
    minutes.set(minute, [...(minutes.get(minute) ?? []), mb]);
  }
  const floors: [number, number][] = [...minutes.entries()].map(([m, values]) => [
    m * 60,
    Math.min(...values),
  ]);
  console.log(
    `  each minute's lowest / highest: ${[...minutes.entries()]
      .map(([m, values]) => `${m + 1}: ${Math.min(...values).toFixed(0)}/${Math.max(...values).toFixed(0)}`)
      .join(', ')} MB; slope of the lowest ${slope(floors).toFixed(2)} MB/min`,
  );
}

function printTable(results: RunResult[]): void {
  console.log(
    '\n| users | s | pages/s | req/s | p50 | p95 | p99 | page p99 | errors | peak RSS | load avg start → end |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const kinds = [...r.errorKinds.entries()].map(([kind, n]) => `${kind} × ${n}`).join(', ');
    console.log(
      `| ${r.users} | ${r.seconds} | ${(r.pages / r.elapsed).toFixed(1)} | ${(r.requests.n / r.elapsed).toFixed(1)} | ` +
        `${r.requests.p50.toFixed(0)} ms | ${r.requests.p95.toFixed(0)} ms | ${r.requests.p99.toFixed(0)} ms | ` +
        `${r.pageLoads.p99.toFixed(0)} ms | ${r.errors}${kinds ? ` (${kinds})` : ''} | ${r.peakRssMb.toFixed(0)} MB | ` +
        `${r.loadStart.toFixed(2)} → ${r.loadEnd.toFixed(2)} |`,
    );
  }
}

/* ---------------------------------------------------------------------------------------------- */

export async function benchLoad(): Promise<void> {
  const soak = process.env.LOAD_SOAK === '1';
  const runs = soak
    ? [numberFromEnv('LOAD_SOAK_USERS', 20)]
    : (process.env.LOAD_USERS || '50,200').split(',').map((s) => {
        const n = Number(s.trim());
        if (!Number.isInteger(n) || n < 1) throw new Error(`LOAD_USERS: "${s}" is not a number of users`);
        return n;
      });
  const seconds = soak ? numberFromEnv('LOAD_SOAK_SECONDS', 600) : SECONDS;

  const serverUrl = process.env.BENCH_PG ?? 'postgres://root@127.0.0.1:5432/postgres';
  const databaseName = `vssid_bench_load_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const ctx: Context = {
    databaseUrl: url.toString(),
    databaseName,
    admin,
    tokens: [],
    server: null,
    stopping: false,
  };
  let cleaned: Promise<void> | undefined;
  const cleanUp = () => {
    cleaned ??= (async () => {
      ctx.stopping = true;
      if (ctx.server) await stopServer(ctx.server);
      await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    })();
    return cleaned;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the server and dropping ${databaseName}…`);
    cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await admin.unsafe(`create database ${databaseName}`);
    const database = await openDatabase({ url: ctx.databaseUrl, dataDir: '' });
    try {
      let started = performance.now();
      // What `pnpm start` does on an empty database, at the province scale: the reference areas, the
      // data set, the demo goal (80 % by 31/12/2021) and the demo accounts.
      await prepareDatabase(
        database,
        (text) => {
          if (/^(Seeded|Demo goal)/.test(text)) console.log(text);
        },
        { scale: 'province', seed: 1 },
      );
      console.log(
        `Database ${databaseName} prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      started = performance.now();
      const users = Math.max(...runs);
      for (let i = 0; i < users; i++) {
        const viewer = await createUser(database.db, {
          username: `load${String(i + 1).padStart(3, '0')}`,
          role: 'PROVINCE',
          password: PASSWORD,
        });
        ctx.tokens.push((await createToken(database.db, viewer.userId, 1)).token);
      }
      console.log(
        `${users} PROVINCE accounts with a token each in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await database.close();
    }
    console.log(
      `Machine: ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB; load average now ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    const results: RunResult[] = [];
    for (const users of runs) {
      if (ctx.stopping) break;
      results.push(
        await run(ctx, users, seconds, soak ? numberFromEnv('LOAD_SOAK_SAMPLE_SECONDS', 10) : null),
      );
    }
    printTable(results);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }
}
