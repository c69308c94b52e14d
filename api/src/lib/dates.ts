import { TZDate } from '@date-fns/tz';
// One module per function: the package's index loads all of date-fns' ~250 modules (0,2 s of every start).
import { format } from 'date-fns/format';

/** Days follow Asia/Ho_Chi_Minh: "today" at 06:30 in Khánh Hòa is still yesterday in UTC. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A calendar day as "yyyy-mm-dd". */
export type IsoDate = string;

// Every request asks for the day (the response cache's key, the officer's reach), and the time zone's
// arithmetic was 5 % of a busy server's time. A day never begins inside a minute (Vietnam's offset is
// whole hours), so the day of one minute is the day of every moment of it.
let lastMinute = Number.NaN;
let lastDay: IsoDate = '';

export function today(now: Date = new Date()): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = format(new TZDate(now, TIME_ZONE), 'yyyy-MM-dd');
    lastMinute = minute;
  }
  return lastDay;
}

/**
 * Parses "yyyy-mm-dd" strictly: a real calendar day (not 2021-02-30), four-digit year. Null when not.
 * Every Date of every request and answer passes here: date-fns' parse and format read their pattern
 * anew each call (3 % of the server's busy time on the district question), so the day is set in UTC
 * and read back, which rolls a day that does not exist over to another (setUTCFullYear, unlike
 * Date.UTC, keeps the years below 100 as written).
 */
export function parseIsoDate(text: string): IsoDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day
    ? text
    : null;
}

/** Accepts both "yyyy-mm-dd" and the Vietnamese "dd/mm/yyyy"; returns "yyyy-mm-dd" or null. */
export function parseUserDate(text: string): IsoDate | null {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (vn) return parseIsoDate(`${vn[3]}-${vn[2]?.padStart(2, '0')}-${vn[1]?.padStart(2, '0')}`);
  return parseIsoDate(text.trim());
}

const MS_PER_DAY = 86_400_000;

/** A calendar day moved by n days; plain calendar arithmetic, no time zone involved. */
export function addDays(day: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}
