/**
 * Vietnamese number and date writing for the report, shared by the narrative, the tables and the three
 * file formats so that a figure reads the same everywhere: 1.234 · 62,4 % · 30/09/2021.
 */

const integers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 12345 → "12.345". */
export function formatInteger(value: number): string {
  return integers.format(value);
}

/** 0.6243 → "62,4 %" (Vietnamese style puts a space before the sign; a non-breaking one here). */
export function formatPercent(ratio: number): string {
  return `${oneDecimal.format(ratio * 100)}\u00a0%`;
}

/** A signed count: "+1.234", "0", "−12" (a true minus sign). */
export function formatChange(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${formatInteger(Math.abs(value))}`;
}

/** A change of a share in percentage points, signed, without its unit: 0.012 → "+1,2". */
export function formatPointChange(value: number): string {
  const points = Math.round(value * 1000) / 10;
  if (points === 0) return '0';
  return `${points > 0 ? '+' : '−'}${oneDecimal.format(Math.abs(points))}`;
}

/** A per-day pace with one decimal: 12.25 → "12,3". */
export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}

/** "2021-09-30" → "30/09/2021". */
export function formatDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** "2021-09-30" → "ngày 30 tháng 9 năm 2021", as the date line of an administrative document writes it. */
export function formatLongDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  // Nghị định 30/2020: days below 10 and months below 3 take a leading zero ("ngày 05 tháng 02").
  const dd = String(d).padStart(2, '0');
  const mm = (m as number) < 3 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${dd} tháng ${mm} năm ${y}`;
}
