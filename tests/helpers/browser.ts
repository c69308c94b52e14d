import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { createScratchPostgres, onPostgres } from './database.ts';
import { copyOfDemo } from './demo-template.ts';
import { demoPassword, repoRoot, startServer, stopServer } from './processes.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** On CI Chromium must be there (.ci/run installs it); elsewhere the browser tests skip without it. */
export const runBrowser = fs.existsSync(chromiumPath) || Boolean(process.env.CI);

export interface Dashboard {
  server: Awaited<ReturnType<typeof startServer>>;
  /** The demo accounts' password, printed once by the server that seeded them. */
  password: string;
  /** The server's DATA_DIR: on the embedded database, its socket is there. */
  dataDir: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The production server (built dashboard, demo data) on a database of its own (an embedded one in a
 * fresh folder, or on the PostgreSQL server under test a copy of the run's seeded demo database,
 * demo-template.ts), and Debian's Chromium.
 */
export async function startDashboard(name: string): Promise<Dashboard> {
  if (!fs.existsSync(path.join(repoRoot, 'web/dist/index.html')))
    throw new Error('web/dist is missing: run `pnpm build:web` (pnpm test does).');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `vssid-${name}-`));
  let env: NodeJS.ProcessEnv = { DATABASE_URL: '', DATA_DIR: dataDir };
  let dropDatabase: (() => Promise<void>) | undefined;
  let seededPassword: string | undefined;
  if (onPostgres) {
    const serverUrl = process.env.DATABASE_URL as string;
    const copy = await copyOfDemo(serverUrl);
    const scratch = copy ?? (await createScratchPostgres(serverUrl));
    env = { DATABASE_URL: scratch.url, DATA_DIR: dataDir };
    dropDatabase = scratch.drop;
    seededPassword = copy?.password;
  }
  const cleanUp = async () => {
    await dropDatabase?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const server = await startServer(env).catch(async (error) => {
    await cleanUp();
    throw error;
  });
  const browser = await chromium
    .launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    })
    .catch(async (error) => {
      await stopServer(server.child);
      await cleanUp();
      throw error;
    });
  return {
    server,
    password: seededPassword ?? demoPassword(server.output()),
    dataDir,
    browser,
    async close() {
      await browser.close();
      // A server that died mid-file explains the failures that follow: say so with what it printed.
      if (server.child.exitCode !== null)
        console.error(`the server exited with ${server.child.exitCode}:\n${server.output()}`);
      await stopServer(server.child);
      await cleanUp();
    },
  };
}
