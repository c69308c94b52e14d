/** A row a foreign key guarantees; its absence is a broken database, not a caller's mistake. */
export function present<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new Error(`${what} is missing`);
  return row;
}
