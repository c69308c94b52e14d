/** Number and date formatting for Vietnamese readers: 1.234 · 62,4 % · 25/11/2026. */

const LOCALE = 'vi-VN';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const percentFormats = new Map<number, Intl.NumberFormat>();
const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

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

/**
 * A day as dd/mm/yyyy. A Date is read as the calendar day in Asia/Ho_Chi_Minh, whatever the
 * browser's own time zone; a "yyyy-mm-dd" string (the API's Date scalar) is rewritten as it is.
 */
export function formatDate(value: Date | string): string {
  if (typeof value === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
  }
  const parts = dateFormat.formatToParts(value);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')}`;
}
