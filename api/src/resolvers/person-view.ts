import type { PersonRow } from '../db/queries/persons.ts';

/** A person as a resolver hands it on: whole when opened with person(id), masked in lists. */
export interface PersonView extends PersonRow {
  opened: boolean;
}

/** The last `visible` characters of a code, the rest as asterisks: "******7890". */
export function mask(value: string | null, visible: number): string | null {
  if (value === null) return null;
  return value.length <= visible
    ? '*'.repeat(value.length)
    : `${'*'.repeat(value.length - visible)}${value.slice(-visible)}`;
}
