import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Writes a file a build script makes, unless it already holds exactly that; with `check`, writes
 * nothing and says it is out of date instead. True when the file is (now) as built.
 */
export function writeGenerated(
  target: string,
  content: string,
  { check, root, command }: { check: boolean; root: string; command: string },
): boolean {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (current === content) return true;
  if (check) {
    console.error(`${path.relative(root, target)} is out of date: run ${command}`);
    return false;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
  console.log(`wrote ${path.relative(root, target)}`);
  return true;
}

/** Runs `main` when the module is the script node was started with (not when a test imports it). */
export function runAsScript(moduleUrl: string, main: (args: string[]) => number): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
