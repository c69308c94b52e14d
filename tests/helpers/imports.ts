import iconv from 'iconv-lite';
import type { Database } from '../../api/src/db/client.ts';
import { startImport } from '../../api/src/db/queries/imports.ts';
import type { ImportKind } from '../../api/src/imports/columns.ts';
import { describeProblem } from '../../api/src/imports/problems.ts';
import { type ImportRequest, type ImportSummary, runImport } from '../../api/src/imports/run.ts';

/** "Today" of the import tests: 31/12/2021 in Asia/Ho_Chi_Minh, so 2022 dates are in the future. */
export const IMPORT_NOW = new Date('2021-12-31T05:00:00Z');

/** Imports a file made by the test, as the command line would (no account, everything in reach). */
export function importFile(
  database: Database,
  kind: ImportKind,
  content: string | Buffer,
  options: Partial<Omit<ImportRequest, 'kind' | 'bytes'>> = {},
): Promise<ImportSummary> {
  return runImport(database.db, {
    kind,
    fileName: options.fileName ?? `${kind}.csv`,
    bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    actor: { userId: null, osUser: 'tester' },
    now: IMPORT_NOW,
    ...options,
  });
}

/** The problems as the command line prints them: `row N, column C: …`. */
export function problemLines(summary: ImportSummary): string[] {
  return summary.problems.map((p) => describeProblem(p));
}

/** CSV lines joined with CRLF, as Excel writes them. */
export function csv(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;

/**
 * Text in Windows-1258 as Vietnamese Windows saves it: letters with a vowel mark (â, ơ, ư…) are single
 * bytes, tone marks are combining characters after them.
 */
export function encodeWindows1258(text: string): Buffer {
  let spelled = '';
  for (const ch of text.normalize('NFC')) {
    const decomposed = ch.normalize('NFD');
    const tone = [...decomposed].find((c) => TONE_MARKS.test(c)) ?? '';
    const rest = [...decomposed].filter((c) => !TONE_MARKS.test(c)).join('');
    spelled += rest.normalize('NFC') + tone;
  }
  return iconv.encode(spelled, 'windows1258');
}

/** A RUNNING row in the import history, as an import that started (and maybe died) leaves it. */
export function startRunningImport(database: Database, kind: ImportKind, fileName: string): Promise<number> {
  return startImport(database.db, {
    kind,
    fileName,
    sha256: 'x',
    userId: null,
    osUser: 'tester',
    startedAt: new Date(),
    finishedAt: new Date(),
    rowsRead: 0,
    rowsWritten: 0,
    rowsUnchanged: 0,
    rowsRejected: 0,
    warnings: 0,
    outcome: 'RUNNING',
    problems: [],
  });
}
