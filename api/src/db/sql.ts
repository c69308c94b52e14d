import { type SQL, sql } from 'drizzle-orm';

/*
 * Arrays bound as one parameter each (drizzle would expand a JS array into a list of parameters). Bulk
 * writes insert `select * from unnest($1::int[], $2::text[], …)`: a handful of parameters for tens of
 * thousands of rows, and the same statement on PGlite and PostgreSQL.
 */
export function typedArray(values: readonly unknown[], pgType: string): SQL {
  return sql`${sql.param(values)}::${sql.raw(pgType)}[]`;
}

/**
 * An array of an enum type (or of dates). The driver knows how to send text[] but not these, so they
 * go as text[] and the database casts them.
 */
export function enumArray(values: readonly (string | null)[], pgType: string): SQL {
  return sql`${sql.param(values)}::text[]::${sql.raw(pgType)}[]`;
}

export const intArray = (values: readonly (number | null)[]) => typedArray(values, 'int');
export const textArray = (values: readonly (string | null)[]) => typedArray(values, 'text');
export const dateArray = (values: readonly (string | null)[]) => enumArray(values, 'date');
export const boolArray = (values: readonly boolean[]) => enumArray(values.map(String), 'boolean');
