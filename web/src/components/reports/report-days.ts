/**
 * The comparison day the report takes when none is given: the last day of the month before the
 * report's day (the API's own default; leadership reports monthly).
 */
export function defaultCompare(asOf: string): string {
  const first = new Date(`${asOf.slice(0, 8)}01T00:00:00Z`);
  first.setUTCDate(0);
  return first.toISOString().slice(0, 10);
}

/** Where the report of these days downloads as `format` (the same sign-in as the API). */
export function downloadUrl(
  report: { areaCode: string; asOf: string; compare: string; geography?: string | null },
  format: 'docx' | 'pdf' | 'xlsx',
): string {
  const query = new URLSearchParams({
    area: report.areaCode,
    asOf: report.asOf,
    compare: report.compare,
    format,
  });
  if (report.geography) query.set('geography', report.geography);
  return `/reports/download?${query}`;
}
