import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Viewer } from '../api/src/auth/reach.ts';
import { createContext } from '../api/src/context.ts';
import { type Database, migrateDatabase, openDatabase } from '../api/src/db/client.ts';
import { addShippedGeographies } from '../api/src/reference/geographies.ts';
import { loadReferenceIfEmpty } from '../api/src/reference/load.ts';
import { seedDatabase } from '../api/src/seed/load.ts';
import { createApp } from '../api/src/server.ts';
import { benchImports } from './imports.ts';
import { benchLoad, QUERIES as DASHBOARD_QUERIES, pageRequest, panelRequests, type Query } from './load.ts';
import { benchThroughput } from './throughput.ts';

/*
 * `pnpm bench api`: median and p95 of each contract query at the province scale (about 250.000
 * persons), on the embedded database and on PostgreSQL, beside the same figure computed by plain SQL
 * on the base tables (no rollups). Queries go through the GraphQL layer in process, as a client's
 * would, minus HTTP. Prints figures; asserts nothing.
 *   BENCH_PG=postgres://… the server to use (default postgres://root@127.0.0.1:5432/postgres);
 *   BENCH_RUNS=n runs per query (default 40); BENCH_ONLY=embedded|postgres one database only.
 */

/** Most queries read as an administrator: the whole province, no reach to narrow it. */
const BENCH_VIEWER: Viewer = {
  userId: 0,
  username: 'bench',
  displayName: 'Bench',
  role: 'ADMIN',
  areaId: null,
  officeId: null,
  staffId: null,
};

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DAYS = ['2021-05-01', '2021-06-15', '2021-08-01', '2021-10-01', '2022-03-01', '2026-11-25'];

const QUERIES: [string, string][] = [
  ['coverage (province)', '{ coverage(asOf: $D) { target activated activationRate unitsContacted } }'],
  [
    'coverage (district 572)',
    '{ coverage(scope: { areaId: "572", geography: "KH-2021" }, asOf: $D) { target activated } }',
  ],
  ['coverage (officer CB0010)', '{ coverage(scope: { staffId: "CB0010" }, asOf: $D) { target activated } }'],
  [
    'coverage (568 + NQD)',
    '{ coverage(scope: { areaId: "568", geography: "KH-2021", sector: "NQD" }, asOf: $D) { target activated } }',
  ],
  [
    'breakdown DISTRICT',
    '{ breakdown(by: DISTRICT, scope: { geography: "KH-2021" }, asOf: $D) { key coverage { target activated } } }',
  ],
  [
    'breakdown COMMUNE',
    '{ breakdown(by: COMMUNE, scope: { geography: "KH-2021" }, asOf: $D) { key coverage { target activated } } }',
  ],
  ['breakdown OFFICE', '{ breakdown(by: OFFICE, asOf: $D) { key coverage { target activated } } }'],
  ['breakdown STAFF', '{ breakdown(by: STAFF, asOf: $D) { key coverage { target activated } } }'],
  ['breakdown SECTOR', '{ breakdown(by: SECTOR, asOf: $D) { key coverage { target activated } } }'],
  [
    'breakdown UNIT (568)',
    '{ breakdown(by: UNIT, scope: { areaId: "568", geography: "KH-2021" }, asOf: $D) { key coverage { activated } } }',
  ],
  ['trend (province, 91 days)', '{ trend(from: "2021-04-01", to: "2021-06-30") { date activated } }'],
  ['blockers (province)', '{ blockers(scope: {}, asOf: $D) { reason persons share } }'],
  [
    'blockers (district 572)',
    '{ blockers(scope: { areaId: "572", geography: "KH-2021" }, asOf: $D) { reason persons share } }',
  ],
  ['blockers (officer CB0010)', '{ blockers(scope: { staffId: "CB0010" }, asOf: $D) { reason persons } }'],
  [
    'areas DISTRICT + coverage',
    '{ areas(level: DISTRICT, geography: "KH-2021") { id name coverage(asOf: $D) { target activated } } }',
  ],
  [
    'area 568 children + coverage',
    '{ area(id: "568", geography: "KH-2021") { children { id coverage(asOf: $D) { activated } } } }',
  ],
  [
    'units (first 50)',
    '{ units(first: 50) { totalCount edges { node { id name coverage(asOf: $D) { activated } } } } }',
  ],
  [
    'units lagging most (first 50)',
    '{ units(orderBy: ACTIVATION_RATE_ASC, asOf: $D, first: 50) { totalCount edges { node { id coverage(asOf: $D) { activationRate } } } } }',
  ],
];

/** The same questions in 2025's map: its communes hold the same units, through their own rollups. */
const MAP_2025_QUERIES: [string, string][] = [
  [
    '2025: coverage (commune 22366)',
    '{ coverage(scope: { areaId: "22366", geography: "KH-2025" }, asOf: $D) { target activated } }',
  ],
  [
    '2025: breakdown COMMUNE',
    '{ breakdown(by: COMMUNE, scope: { geography: "KH-2025" }, asOf: $D) { key coverage { target activated } } }',
  ],
  [
    '2025: areas COMMUNE + coverage',
    '{ areas(level: COMMUNE, geography: "KH-2025") { id name coverage(asOf: $D) { target activated } } }',
  ],
  [
    '2025: breakdown UNIT (22366)',
    '{ breakdown(by: UNIT, scope: { areaId: "22366", geography: "KH-2025" }, asOf: $D) { key coverage { activated } } }',
  ],
];

/**
 * A few of them again as the head of district 572, whose reach is a condition of its own in every
 * statement over units: what a district head's dashboard asks.
 */
const DISTRICT_QUERIES: [string, string][] = [
  ['572: coverage', '{ coverage(asOf: $D) { target activated } }'],
  ['572: coverage (NQD)', '{ coverage(scope: { sector: "NQD" }, asOf: $D) { target activated } }'],
  ['572: breakdown OFFICE', '{ breakdown(by: OFFICE, asOf: $D) { key coverage { target activated } } }'],
  ['572: breakdown STAFF', '{ breakdown(by: STAFF, asOf: $D) { key coverage { target activated } } }'],
  ['572: breakdown UNIT', '{ breakdown(by: UNIT, asOf: $D) { key coverage { activated } } }'],
  ['572: blockers', '{ blockers(scope: {}, asOf: $D) { reason persons share } }'],
  [
    '572: trend (NQD, 91 days)',
    '{ trend(scope: { sector: "NQD" }, from: "2021-04-01", to: "2021-06-30") { date activated } }',
  ],
  [
    '572: units lagging most (50)',
    '{ units(orderBy: ACTIVATION_RATE_ASC, asOf: $D, first: 50) { totalCount edges { node { id coverage(asOf: $D) { activationRate } } } } }',
  ],
];

/** The same figures straight from persons and person_steps, as a database without rollups would. */
const PLAIN: [string, (asOf: string) => ReturnType<typeof sql>][] = [
  [
    'coverage (province)',
    (asOf) => sql`select count(distinct s.person_id) filter (where s.step >= 'ACTIVATED') as activated,
      (select count(*) from persons) as target from person_steps s where s.date <= ${asOf}`,
  ],
  [
    'breakdown DISTRICT',
    (asOf) => sql`select c.ancestor_id, count(distinct s.person_id) from person_steps s
      join persons p on p.id = s.person_id join units u on u.id = p.unit_id
      join area_closure c on c.descendant_id = u.area_id join areas a on a.id = c.ancestor_id and a.level = 'DISTRICT'
        and a.geography_id = (select id from geographies where code = 'KH-2021')
      where s.date <= ${asOf} and s.step >= 'ACTIVATED' group by c.ancestor_id`,
  ],
];

function stats(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return `${at(0.5).toFixed(1).padStart(8)} ms ${at(0.95).toFixed(1).padStart(8)} ms`;
}

async function measure(run: (asOf: string) => Promise<unknown>): Promise<number[]> {
  await run(DAYS[0] as string);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run(DAYS[i % DAYS.length] as string);
    times.push(performance.now() - started);
  }
  return times;
}

async function bench(label: string, database: Database): Promise<void> {
  await migrateDatabase(database);
  await loadReferenceIfEmpty(database.db);
  const seeded = await seedDatabase(database.db, { scale: 'province', seed: 1, reset: true });
  console.log(
    `\n${label}: ${seeded.persons.toLocaleString('vi-VN')} persons, ${seeded.units.toLocaleString('vi-VN')} units (seeded in ${(seeded.milliseconds / 1000).toFixed(1)} s), ${RUNS} runs per query over ${DAYS.length} asOf days`,
  );
  const maps = performance.now();
  const added = await addShippedGeographies(database.db);
  console.log(
    `added the maps ${added.join(', ')} over them in ${((performance.now() - maps) / 1000).toFixed(1)} s (areas, mappings, every unit's place, the new areas' rollups)`,
  );
  console.log(`${'query'.padEnd(32)}   median        p95`);
  const { apollo } = await createApp(database, { serveWeb: false });
  const [district] = await database.db.execute<{ id: number }>(
    sql`select a.id from areas a join geographies g on g.id = a.geography_id where a.code = '572' and g.code = 'KH-2021'`,
  );
  const districtHead: Viewer = { ...BENCH_VIEWER, role: 'DISTRICT', areaId: district?.id ?? null };
  const runs: [string, string, Viewer][] = [
    ...QUERIES.map(([name, text]): [string, string, Viewer] => [name, text, BENCH_VIEWER]),
    ...MAP_2025_QUERIES.map(([name, text]): [string, string, Viewer] => [name, text, BENCH_VIEWER]),
    ...DISTRICT_QUERIES.map(([name, text]): [string, string, Viewer] => [name, text, districtHead]),
  ];
  for (const [name, text, viewer] of runs) {
    const times = await measure(async (asOf) => {
      const query = text.replaceAll('$D', `"${asOf}"`);
      const response = await apollo.executeOperation(
        { query },
        { contextValue: createContext(database.db, viewer) },
      );
      if (response.body.kind === 'single' && response.body.singleResult.errors)
        throw new Error(`${name}: ${JSON.stringify(response.body.singleResult.errors)}`);
    });
    console.log(`${name.padEnd(32)} ${stats(times)}`);
  }
  // The overview page as the dashboard asks it: its query and its four panels' (load.ts has them as
  // the browser sends them), at once, as the page does; the wall time of the five together.
  const overview = await measure(async (asOf) => {
    const requests: Query[] = [pageRequest('overview', '', asOf), ...panelRequests('56', 'PROVINCE', asOf)];
    await Promise.all(
      requests.map(async (request) => {
        const response = await apollo.executeOperation(
          { query: DASHBOARD_QUERIES[request.name], variables: request.variables },
          { contextValue: createContext(database.db, BENCH_VIEWER) },
        );
        if (response.body.kind === 'single' && response.body.singleResult.errors)
          throw new Error(`overview ${request.name}: ${JSON.stringify(response.body.singleResult.errors)}`);
      }),
    );
  });
  console.log(`${'overview: its 5 queries at once'.padEnd(32)} ${stats(overview)}`);
  for (const [name, statement] of PLAIN) {
    const times = await measure((asOf) => database.db.execute(statement(asOf)));
    console.log(`${`${name}, plain SQL`.padEnd(32)} ${stats(times)}`);
  }
  await apollo.stop();
}

async function main(): Promise<void> {
  const what = process.argv[2];
  if (what === 'imports') return benchImports();
  if (what === 'load') return benchLoad();
  if (what === 'throughput') return benchThroughput();
  if (what !== 'api') {
    console.error('usage: pnpm bench api|imports|load|throughput');
    process.exit(2);
  }
  const only = process.env.BENCH_ONLY;
  if (only !== 'postgres') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-bench-'));
    const database = await openDatabase({ dataDir: dir });
    try {
      await bench('Embedded (PGlite)', database);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only !== 'embedded') {
    const server = process.env.BENCH_PG ?? 'postgres://root@127.0.0.1:5432/postgres';
    const name = `vssid_bench_${process.pid}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), dataDir: '' });
    try {
      await bench(`PostgreSQL (${url.host})`, database);
    } finally {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
