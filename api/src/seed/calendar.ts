/*
 * Calendar days as integers (days since 1970-01-01) for the generator's arithmetic; these are plain
 * calendar days, so UTC arithmetic is exact and no time zone enters.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}
