import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
// `node --import tsx` runs TypeScript in one process (the tsx binary would add a parent process, so a
// signal sent to the child we spawn would not reach the server itself).
const node = (script: string, args: string[] = []) =>
  [process.execPath, ['--import', 'tsx', script, ...args]] as const;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `pnpm cli …` as an operator would (through tsx, without pnpm's own banner), with `input` on its
 * stdin; `readerGone` closes its stdout before it writes, as `| head` does once it has read enough.
 */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  input = '',
  { readerGone = false } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(...node('api/src/cli/main.ts', args), {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    child.stdin.end(input);
    if (readerGone) child.stdout.destroy();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the server (`pnpm start` without the web build) and resolves with its URL once it serves. */
export function startServer(
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(...node('api/src/main.ts'), {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', ...env },
    });
    let output = '';
    const onData = (d: Buffer) => {
      output += d;
      const match = /dashboard: (http:\/\/localhost:\d+)\//.exec(output);
      if (match) resolve({ url: match[1] as string, child, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

export function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** The demo accounts' password, as `pnpm start` prints it once after seeding. */
export function demoPassword(output: string): string {
  const match = /password: (\S+)/.exec(output);
  if (!match) throw new Error(`the server printed no demo password:\n${output}`);
  return match[1] as string;
}

/** Signs in through POST /auth/login and returns the session cookie to send ("vssid_session=…"). */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}
