/** Number and date formatting for Vietnamese readers: 1.234 · 62,4 % · 25/11/2026. */

const LOCALE = 'vi-VN';

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const percentFormats = new Map<number, Intl.NumberFormat>();

/** A count, grouped with dots: 35996 → "35.996". */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/**
 * A share between 0 and 1 as a percentage with a decimal comma and a (non-breaking) space before the
 * sign, as Vietnamese style guides write it: 0.624 → "62,4 %". Intl's vi-VN percent style has no
 * space ("62,4%"), so the number is formatted on its own.
 */
export function formatPercent(ratio: number, fractionDigits = 1): string {
  let format = percentFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    percentFormats.set(fractionDigits, format);
  }
  return `${format.format(ratio * 100)}\u00a0%`;
}

/** "x / y" with both counts formatted: 1170, 1200 → "1.170 / 1.200". */
export function formatFraction(part: number, whole: number): string {
  return `${formatInteger(part)}\u00a0${formatOutOf(whole)}`;
}

/** The "/ y" half of a fraction, for when x is written apart from it: 1200 → "/ 1.200". */
export function formatOutOf(whole: number): string {
  return `/\u00a0${formatInteger(whole)}`;
}

/** part / whole, or 0 when whole is 0 (an empty scope has no progress rather than NaN). */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** A day of the API's Date scalar ("yyyy-mm-dd") as Vietnamese write it: "2021-05-15" → "15/05/2021". */
export function formatDate(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDay;
}

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An instant (ISO 8601) as Vietnamese date and time in Asia/Ho_Chi_Minh: "14:05:09 25/11/2026". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

const minute = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The minute of an instant (ISO 8601) in Asia/Ho_Chi_Minh and its day, for a sentence of the catalogue: { time: "10:42", day: "25/11/2026" }. */
export function formatMinute(iso: string): { time: string; day: string } {
  const instant = new Date(iso);
  const day = formatDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(instant));
  return { time: minute.format(instant), day };
}

/** A change with its sign: "+1.234", "0", "−12" (a true minus sign). */
export function formatChange(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${formatInteger(Math.abs(value))}`;
}
