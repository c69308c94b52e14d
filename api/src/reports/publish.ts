import type { Db } from '../db/client.ts';
import { insertPublishedReport, nextReportSeq, type StoredFormat } from '../db/queries/reports.ts';
import type { IsoDate } from '../lib/dates.ts';
import { computeReportFigures } from './figures.ts';
import { REPORT_TITLE, subjectName } from './narrative.ts';
import { renderReport, sha256 } from './render.ts';
import type { ReportRequest } from './request.ts';

/** The document number's symbol: a report (BC) of the social-insurance office (BHXH). */
export const NUMBER_SYMBOL = 'BC-BHXH';

export interface ReportAuthor {
  /** The account; null for `pnpm cli`. */
  userId: number | null;
  /** The operating-system user of `pnpm cli`, or the account's name. */
  name: string;
}

/**
 * Publishes a report: reads its figures once, numbers it (sequentially within the year of issue, in
 * its issuer's series),
 * makes all three files from those figures with that number, and stores figures and files together.
 * From then on the report is what was stored; nothing recomputes it.
 */
export async function publishReport(
  db: Db,
  request: ReportRequest,
  author: ReportAuthor,
  issuedOn: IsoDate,
): Promise<number> {
  const figures = await computeReportFigures(db, request);
  const year = Number(issuedOn.slice(0, 4));
  // Each issuer numbers in its own series: a district's BHXH its 1, 2, … as the province its own.
  const series = figures.issuer?.series ?? 'province';
  // Rendering takes seconds: rather than hold a lock on the numbers meanwhile, a number taken by a
  // publication that finished first is detected on insert and the files are made again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const seq = await nextReportSeq(db, year, series);
    const number = `${seq}/${NUMBER_SYMBOL}`;
    const files = {} as Record<StoredFormat, { bytes: Buffer; sha256: string }>;
    for (const format of ['docx', 'pdf', 'xlsx'] as const) {
      const bytes = await renderReport(figures, format, { number, issuedOn });
      files[format] = { bytes, sha256: sha256(bytes) };
    }
    const id = await insertPublishedReport(db, {
      series,
      year,
      seq,
      number,
      title: `${REPORT_TITLE} – ${subjectName(figures)}`,
      areaId: request.area.id,
      officeId: request.office?.id ?? null,
      asOf: request.asOf,
      compare: request.compare,
      issuedOn,
      figures,
      files,
      authorId: author.userId,
      authorName: author.name,
    });
    if (id !== null) return id;
  }
  throw new Error('Could not number the report: too many publications at the same moment');
}
