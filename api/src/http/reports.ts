import express, { type Request, type Response, Router } from 'express';
import { authorize } from '../auth/policy.ts';
import { reachOf } from '../auth/reach.ts';
import type { Db } from '../db/client.ts';
import { getPublishedFile } from '../db/queries/reports.ts';
import { today } from '../lib/dates.ts';
import { BadInputError, RefusalError } from '../lib/errors.ts';
import { requirePublishedReport } from '../reports/changes-now.ts';
import { computeReportFigures } from '../reports/figures.ts';
import {
  CONTENT_TYPES,
  contentDisposition,
  isReportFormat,
  type ReportFormat,
  renderReport,
  reportFileName,
} from '../reports/render.ts';
import { resolveReportRequest } from '../reports/request.ts';
import { authenticate } from './auth.ts';
import { databaseState, sendUnavailable } from './errors.ts';

const STATUS: Record<RefusalError['code'], number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * GET /reports/download?area=568&geography=KH-2021&asOf=2021-09-30&compare=2021-08-31&format=pdf: the report made now,
 * as the preview shows it. GET /reports/published/<id>.<format>: a published report's stored file,
 * byte for byte. Both need the same session cookie or bearer token as /graphql and refuse what the
 * account may not read with the same codes.
 */
export function reportRoutes(db: Db, now: () => Date = () => new Date()): Router {
  const router = Router();

  // The same parameters in the query string or, with notes too long for an address, posted as a form
  // (the dashboard's download buttons). The session cookie is SameSite=Strict: another site's form
  // arrives without it.
  const download = async (req: Request, res: Response, params: Record<string, unknown>) => {
    await answer(db, req, res, now, async (reach, day) => {
      const format = formatOf(String(params.format ?? ''));
      const request = await resolveReportRequest(
        db,
        {
          areaCode: single(params.area),
          geography: single(params.geography),
          asOf: single(params.asOf) ?? '',
          compare: single(params.compare),
          notes: single(params.notes),
        },
        reach,
        day,
      );
      const figures = await computeReportFigures(db, request);
      const bytes = await renderReport(figures, format, { number: null, issuedOn: day });
      send(res, bytes, format, reportFileName(figures, format), 'no-store');
    });
  };
  router.get('/download', (req: Request, res: Response) => download(req, res, req.query));
  router.post(
    '/download',
    express.urlencoded({ extended: false, limit: '200kb' }),
    (req: Request, res: Response) => download(req, res, (req.body ?? {}) as Record<string, unknown>),
  );

  router.get('/published/:file', async (req: Request, res: Response) => {
    await answer(db, req, res, now, async (reach) => {
      const match = /^(\d{1,9})\.([a-z]+)$/.exec(String(req.params.file));
      if (!match) return notFound(res, 'Ask for /reports/published/<id>.<docx|pdf|xlsx>');
      const format = formatOf(match[2] as string);
      const { report, figures } = await requirePublishedReport(db, match[1] as string, reach);
      const file = await getPublishedFile(db, { id: report.id, format });
      if (!file) return notFound(res, 'No such file');
      res.setHeader('ETag', `"${file.sha256}"`);
      // A published file never changes: it may be kept, but only by the browser that was allowed it.
      send(
        res,
        file.bytes,
        format,
        reportFileName(figures, format, report.number),
        'private, max-age=31536000, immutable',
      );
    });
  });
  return router;
}

function notFound(res: Response, message: string): void {
  res.status(404).json({ error: message, code: 'NOT_FOUND' });
}

function single(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function formatOf(value: string): ReportFormat {
  const lower = value.toLowerCase();
  if (!isReportFormat(lower))
    throw new BadInputError(`"format" must be docx, pdf or xlsx; got "${value}"`, 'format', {
      code: 'FILE_FORMAT',
      args: { value },
    });
  return lower;
}

function send(
  res: Response,
  bytes: Buffer,
  format: ReportFormat,
  name: { unicode: string; ascii: string },
  cacheControl: string,
) {
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', contentDisposition(name));
  res.setHeader('Content-Length', String(bytes.length));
  res.setHeader('Cache-Control', cacheControl);
  res.end(bytes);
}

async function answer(
  db: Db,
  req: Request,
  res: Response,
  now: () => Date,
  work: (reach: ReturnType<typeof reachOf>, day: string) => Promise<void>,
) {
  try {
    const viewer = await authenticate(db, req);
    if (!viewer) {
      res.status(401).json({ error: 'Sign in first', code: 'UNAUTHENTICATED' });
      return;
    }
    authorize(viewer, 'report:read');
    const day = today(now());
    await work(reachOf(viewer, day), day);
  } catch (error) {
    if (error instanceof RefusalError) {
      const { message, code, argument, reason } = error;
      res
        .status(STATUS[code])
        .json({ error: message, code, ...(argument ? { argument } : {}), ...(reason ? { reason } : {}) });
      return;
    }
    const state = databaseState(error);
    if (state) {
      sendUnavailable(res, state);
      return;
    }
    console.error('report download failed', error);
    res.status(500).json({ error: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' });
  }
}
