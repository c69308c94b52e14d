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

/** Runs `pnpm cli …` as an operator would (through tsx, without pnpm's own banner). */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(...node('api/src/cli/main.ts', args), {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
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
