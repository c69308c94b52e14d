import { prepareDatabase } from './bootstrap.ts';
import {
  databaseConfigFromEnv,
  portFromEnv,
  refusalAlertPerMinuteFromEnv,
  requestsPerMinuteFromEnv,
} from './config.ts';
import { openDatabase } from './db/client.ts';
import { createApp } from './server.ts';

/** The longest one statement of a request may run on a PostgreSQL server. */
const STATEMENT_TIMEOUT_MS = 15_000;

/**
 * The longest a query waits for the embedded database's one session while another holds it (an
 * import's write transaction): past it the request is answered 503 DATABASE_BUSY, not left hanging.
 */
const SESSION_WAIT_MS = 5_000;

/** `pnpm start`: migrate, seed an empty database with the demo data, serve the dashboard and API. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = databaseConfigFromEnv();
  let database = await openDatabase(config, { sessionWaitMs: SESSION_WAIT_MS });
  if (!database.owner) {
    await database.close();
    throw new Error(
      `The embedded database in ${config.dataDir} is already served by another process. Stop it, or set DATA_DIR to another folder.`,
    );
  }
  await prepareDatabase(database, (line) => console.log(line));
  if (config.url) {
    // Migrating and seeding may take long; serving may not: on a server, the pool that answers
    // requests cancels any statement past the deadline.
    await database.close();
    database = await openDatabase(config, { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  }
  const perMinute = requestsPerMinuteFromEnv();
  const { app, stop } = await createApp(database, {
    requestLimits: perMinute ? { perMinute } : {},
    refusalAlertPerMinute: refusalAlertPerMinuteFromEnv(),
  });
  const port = portFromEnv();
  const server = app.listen(port, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(
      `VssID rollout dashboard: http://localhost:${actual}/ (ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s)`,
    );
  });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    // Whatever hangs, the process ends: the embedded database's lock must not outlive it for long.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    await stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
