/**
 * The comparison day the report takes when none is given: the last day of the month before the
 * report's day (the API's own default; leadership reports monthly).
 */
export function defaultCompare(asOf: string): string {
  const first = new Date(`${asOf.slice(0, 8)}01T00:00:00Z`);
  first.setUTCDate(0);
  return first.toISOString().slice(0, 10);
}

type Downloadable = {
  areaCode: string;
  officeName?: string | null;
  asOf: string;
  compare: string;
  geography?: string | null;
};

/** The parameters of a report's download, as GET /reports/download and its form post take them. */
export function downloadFields(
  report: Downloadable,
  format: 'docx' | 'pdf' | 'xlsx',
  notes?: string | null,
): Record<string, string> {
  // An office's report is asked for with no area: the account's office is its subject.
  const fields: Record<string, string> = report.officeName ? {} : { area: report.areaCode };
  Object.assign(fields, { asOf: report.asOf, compare: report.compare, format });
  if (report.geography) fields.geography = report.geography;
  if (notes) fields.notes = notes;
  return fields;
}

/** Where the report of these days downloads as `format` (the same sign-in as the API). */
export function downloadUrl(report: Downloadable, format: 'docx' | 'pdf' | 'xlsx'): string {
  return `/reports/download?${new URLSearchParams(downloadFields(report, format))}`;
}
