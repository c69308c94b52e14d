import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

/*
 * The data layer (api/src/db) is the bottom of the API: the layers above it call it, never the other
 * way round, and the words the interface shows live at the edges that show them.
 */

const api = path.resolve(import.meta.dirname, '../../api/src');
const dataLayer = path.join(api, 'db');

/** What sits above the data layer: a file of the data layer importing one of these points upwards. */
const ABOVE = [
  'resolvers',
  'http',
  'cli',
  'imports',
  'reports',
  'auth/policy',
  'labels',
  'context',
  'server',
].map((part) => path.join(api, part));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** The relative modules a file imports, statically, as a type, re-exported or dynamically. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]+)['"]/g)];
  return specifiers.map((match) => path.resolve(path.dirname(file), match[1] as string));
}

test('no file of the data layer imports from a layer above it', () => {
  const files = sourceFiles(dataLayer);
  expect(files.length).toBeGreaterThan(20);
  const upward = files.flatMap((file) =>
    importsOf(file)
      .filter((target) =>
        ABOVE.some(
          (above) => target === above || target.startsWith(`${above}.`) || target.startsWith(`${above}/`),
        ),
      )
      .map((target) => `${path.relative(api, file)} → ${path.relative(api, target)}`),
  );
  expect(upward).toEqual([]);
});

test('the data layer holds no Vietnamese text outside its comments', () => {
  const comment = /^\s*(\/\/|\/\*|\*)/;
  const vietnamese = /[À-ỹĐđ]/u;
  const found = sourceFiles(dataLayer).flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        !comment.test(line) && vietnamese.test(line)
          ? [`${path.relative(api, file)}:${i + 1}: ${line.trim()}`]
          : [],
      ),
  );
  expect(found).toEqual([]);
});
