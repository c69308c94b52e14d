import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createScratchPostgres } from './database.ts';
import { demoPassword, startServer, stopServer } from './processes.ts';

/*
 * On PostgreSQL, the dashboards of the browser tests start from one database seeded with the demo data
 * per test run: the first file to need it has a server seed it (as `pnpm start` does on an empty
 * database, printing the accounts' password), and every dashboard then gets a copy of it (CREATE
 * DATABASE … TEMPLATE: about a second, where seeding takes 15). One file at a time makes or copies it,
 * under an advisory lock named after the run; global-setup.ts names the run and drops the template.
 */

export interface DemoTemplate {
  name: string;
  password: string;
}

const templateFile = (run: string) => path.join(run, 'demo-template.json');

/**
 * A copy of this run's demo database, and the demo password; null outside a run that global-setup.ts
 * named (the caller then seeds a database of its own).
 */
export async function copyOfDemo(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void>; password: string } | null> {
  const run = process.env.VSSID_TEST_RUN;
  if (!run) return null;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(hashtext(${run}))`;
    let template: DemoTemplate;
    if (fs.existsSync(templateFile(run))) template = JSON.parse(fs.readFileSync(templateFile(run), 'utf8'));
    else {
      template = await seedTemplate(serverUrl);
      fs.writeFileSync(templateFile(run), JSON.stringify(template));
    }
    // Under the lock: a copy fails while anyone else is connected to the template.
    const copy = await createScratchPostgres(serverUrl, { template: template.name });
    return { ...copy, password: template.password };
  } finally {
    await admin`select pg_advisory_unlock(hashtext(${run}))`.catch(() => {});
    await admin.end();
  }
}

async function seedTemplate(serverUrl: string): Promise<DemoTemplate> {
  const scratch = await createScratchPostgres(serverUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-demo-template-'));
  try {
    const server = await startServer({ DATABASE_URL: scratch.url, DATA_DIR: dataDir });
    const password = demoPassword(server.output());
    await stopServer(server.child);
    return { name: new URL(scratch.url).pathname.slice(1), password };
  } catch (error) {
    await scratch.drop();
    throw error;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Drops the run's demo database, if a file made one. */
export async function dropDemoTemplate(serverUrl: string, run: string): Promise<void> {
  if (!fs.existsSync(templateFile(run))) return;
  const { name } = JSON.parse(fs.readFileSync(templateFile(run), 'utf8')) as DemoTemplate;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
