import type { StoredProblem } from '../db/queries/imports.ts';

/*
 * What can be wrong with an import file, each with a stable code (the web maps it to its own text if
 * it likes), an English message for the command line and a Vietnamese one for the dashboard. Messages
 * never repeat a person's identifying data (codes, ID numbers, names): the history keeps them, and
 * roles that may not read persons read the history.
 */

export type Severity = StoredProblem['severity'];

export type ProblemCode =
  | 'EMPTY_FILE'
  | 'NO_ROWS'
  | 'NO_HEADER'
  | 'NOT_UTF8'
  | 'LEGACY_ENCODING'
  | 'UNKNOWN_ENCODING'
  | 'UNREADABLE_FILE'
  | 'OVER_LIMIT'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'NOT_ALLOWED'
  | 'REQUIRED'
  | 'BAD_FORMAT'
  | 'NUMBER_LOST_ZEROS'
  | 'BAD_DATE'
  | 'FUTURE_DATE'
  | 'BAD_VALUE'
  | 'TOO_LONG'
  | 'UNKNOWN_REFERENCE'
  | 'NOT_INSIDE'
  | 'AREA_CYCLE'
  | 'DUPLICATE_KEY'
  | 'OUT_OF_REACH'
  | 'STEP_ORDER'
  | 'INTERRUPTED';

export interface Problem extends StoredProblem {
  code: ProblemCode;
}

type Text = { en: string; vi: string };

/** Problems that do not stop a row (or the file) from being written. */
const WARNINGS = new Set<ProblemCode>(['UNKNOWN_COLUMN', 'STEP_ORDER', 'NO_ROWS']);

/** The problem at a place: `row N, column C: …`, `column C: …` or the file as a whole. */
export function problem(
  code: ProblemCode,
  text: Text,
  at: { row?: number | null; column?: string | null } = {},
  severity: Severity = WARNINGS.has(code) ? 'warning' : 'error',
): Problem {
  return {
    row: at.row ?? null,
    column: at.column ?? null,
    code,
    severity,
    message: text.en,
    messageVi: text.vi,
  };
}

/** The line the command line prints: `row 7, column date: "31/02/2021" is not a real day`. */
export function describeProblem(p: Problem, language: 'en' | 'vi' = 'en'): string {
  const where =
    language === 'en'
      ? [p.row !== null ? `row ${p.row}` : null, p.column !== null ? `column ${p.column}` : null]
      : [p.row !== null ? `dòng ${p.row}` : null, p.column !== null ? `cột ${p.column}` : null];
  const place = where.filter(Boolean).join(', ');
  const message = language === 'en' ? p.message : p.messageVi;
  return place ? `${place}: ${message}` : message;
}

/** Quotes a value for a message, shortened so a pasted paragraph does not flood the output. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value);
}
