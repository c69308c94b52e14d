/** Today in Asia/Ho_Chi_Minh, yyyy-mm-dd: the day the server means when no asOf is given. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/** The calendar day `days` after (or before, when negative) a yyyy-mm-dd day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A day typed by hand: "dd/mm/yyyy" as written in Vietnam (also with "-" or "." between, and one-digit
 * day or month), or "yyyy-mm-dd". Returns yyyy-mm-dd for a real calendar day (not 31/02), else null.
 */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return null;
  const candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${candidate}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === candidate ? candidate : null;
}

/** Whether something dated `date` happened after the day a page shows (none: today, nothing is later). */
export function isLater(date: string, day: string | undefined): boolean {
  return day !== undefined && date > day;
}
