import { authorize } from '../auth/policy.ts';
import { getPublishedReport, listPublishedReports } from '../db/queries/reports.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { reportChangesNow, requirePublishedReport } from '../reports/changes-now.ts';
import { computeReportFigures, type ReportFigures } from '../reports/figures.ts';
import { publishReport } from '../reports/publish.ts';
import { resolveReportRequest } from '../reports/request.ts';
import { reportView } from '../reports/view.ts';
import { limitArgs } from './pagination.ts';

export const reportResolvers: Resolvers = {
  Query: {
    report: async (_root, { areaId, asOf, compare, geography, notes }, { db, reach, viewer, today }) => {
      authorize(viewer, 'report:read');
      const request = await resolveReportRequest(
        db,
        { areaCode: areaId, asOf, compare, geography, notes },
        reach,
        today,
      );
      return reportView(await computeReportFigures(db, request), null);
    },
    publishedReports: (_root, { first }, { db, reach }) =>
      listPublishedReports(db, { reach, first: limitArgs(first, 0).first }),
    reportChanges: async (_root, { id }, { db, reach, today }) => reportChangesNow(db, id, reach, today),
  },
  Mutation: {
    publishReport: async (
      _root,
      { areaId, asOf, compare, geography, notes },
      { db, reach, viewer, today },
    ) => {
      authorize(viewer, 'report:publish');
      const request = await resolveReportRequest(
        db,
        { areaCode: areaId, asOf, compare, geography, notes },
        reach,
        today,
      );
      const id = await publishReport(db, request, { userId: viewer.userId, name: viewer.displayName }, today);
      const found = await getPublishedReport(db, { id, reach });
      // Not the caller's doing: a fault, reported as one.
      if (!found) throw new Error(`Report ${id} vanished after publishing`);
      return found.report;
    },
  },
  PublishedReport: {
    id: (report) => String(report.id),
    author: (report) => report.authorName,
    files: (report) =>
      report.files.map((file) => ({
        format: file.format.toUpperCase() as 'DOCX' | 'PDF' | 'XLSX',
        url: `/reports/published/${report.id}.${file.format}`,
        sha256: file.sha256,
        bytes: file.bytes,
      })),
    report: async (report, _args, { db, reach }) => {
      const { figures } = await requirePublishedReport(db, String(report.id), reach);
      return reportView(figures as ReportFigures, report.number);
    },
  },
};
