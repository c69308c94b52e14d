import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, so that `./data` and `migrations/` resolve the same from any working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const migrationsFolder = path.join(repoRoot, 'migrations');
export const webDist = path.join(repoRoot, 'web/dist');

export interface DatabaseConfig {
  /** postgres://… for a PostgreSQL server; undefined for the embedded database. */
  url?: string;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
}

export function databaseConfigFromEnv(env = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim() || undefined;
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.slice(0, 20)}…")`);
  }
  return { url, dataDir: path.resolve(env.DATA_DIR ?? path.join(process.cwd(), 'data')) };
}

export function portFromEnv(env = process.env): number {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0–65535 (got "${env.PORT}")`);
  return port;
}

/** REQUESTS_PER_MINUTE: how many API requests one account may send a minute (600 when unset). */
export function requestsPerMinuteFromEnv(env = process.env): number | undefined {
  if (env.REQUESTS_PER_MINUTE === undefined || env.REQUESTS_PER_MINUTE === '') return undefined;
  const n = Number(env.REQUESTS_PER_MINUTE);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(
      `REQUESTS_PER_MINUTE must be a whole number of at least 1 (got "${env.REQUESTS_PER_MINUTE}")`,
    );
  return n;
}

/** More refusals of persons' data than this within a minute raise an alert (REFUSAL_ALERT_PER_MINUTE). */
export const REFUSAL_ALERT_PER_MINUTE = 20;

/** REFUSAL_ALERT_PER_MINUTE: the refusals of one account within a minute past which an alert is raised. */
export function refusalAlertPerMinuteFromEnv(env = process.env): number {
  const value = env.REFUSAL_ALERT_PER_MINUTE;
  if (value === undefined || value === '') return REFUSAL_ALERT_PER_MINUTE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`REFUSAL_ALERT_PER_MINUTE must be a whole number of at least 1 (got "${value}")`);
  return n;
}
