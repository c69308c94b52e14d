import type { Reach } from '../auth/reach.ts';
import type { Db } from '../db/client.ts';
import { getPublishedReport, type PublishedReportRow } from '../db/queries/reports.ts';
import type { IsoDate } from '../lib/dates.ts';
import { ForbiddenError, NotFoundError } from '../lib/errors.ts';
import { type ReportChange, reportChanges } from './changes.ts';
import { computeReportFigures, type ReportFigures } from './figures.ts';
import { resolveReportRequest } from './request.ts';

/** A published report the caller may read, with its stored figures; NOT_FOUND or FORBIDDEN otherwise. */
export async function requirePublishedReport(
  db: Db,
  id: string,
  reach: Reach,
): Promise<{ report: PublishedReportRow; figures: ReportFigures }> {
  const found = /^\d{1,9}$/.test(id) ? await getPublishedReport(db, { id: Number(id), reach }) : undefined;
  if (!found) throw new NotFoundError('Published report', id, 'id');
  if (!found.inReach)
    throw new ForbiddenError(`Published report "${id}" is about an area outside your account's reach`, 'id');
  return { report: found.report, figures: found.figures as ReportFigures };
}

/** The counts of a published report that today's data gives differently for the same area and days. */
export async function reportChangesNow(
  db: Db,
  id: string,
  reach: Reach,
  today: IsoDate,
): Promise<ReportChange[]> {
  const { report, figures } = await requirePublishedReport(db, id, reach);
  const request = await resolveReportRequest(
    db,
    {
      ...(figures.office ? { officeCode: figures.office.code } : { areaCode: report.areaCode }),
      geography: report.geography,
      asOf: report.asOf,
      compare: report.compare,
    },
    reach,
    today,
  );
  return reportChanges(figures, await computeReportFigures(db, request));
}
