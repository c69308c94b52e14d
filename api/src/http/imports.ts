import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { may, POLICY } from '../auth/policy.ts';
import { reachOf, type Viewer } from '../auth/reach.ts';
import { warnRefusalAlert } from '../context.ts';
import type { Db } from '../db/client.ts';
import { logRefusals } from '../db/queries/refusals.ts';
import { type ImportKind, isImportKind } from '../imports/columns.ts';
import { runImport } from '../imports/run.ts';
import { templateCsv, templateXlsx } from '../imports/template.ts';
import { today } from '../lib/dates.ts';
import { authenticate } from './auth.ts';

/** The largest file the dashboard uploads; bigger exports go through `pnpm cli import`, which streams. */
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** An upload admitted on its headers, waiting for its body. */
interface Upload {
  viewer: Viewer;
  kind: ImportKind;
  fileName: string;
}

/** Problems sent to the browser; the summary counts the rest. */
const MAX_PROBLEMS_SENT = 2000;

/*
 * The dashboard's imports: POST /imports/<kind> with the file as the body (its name in X-File-Name,
 * URL-encoded) checks it (?dryRun=1) or applies it, as `pnpm cli import` does, for ADMIN (everything)
 * and DISTRICT accounts (the units of their area). The answer is a stream of JSON lines: progress as
 * rows are read, then the summary. The custom header also keeps other sites out: a cross-site form
 * cannot set it. GET /imports/templates/<kind>.csv|xlsx is the empty file with the header row.
 */
export function importRoutes(db: Db, options: { refusalAlertPerMinute: number }): Router {
  const router = Router();

  router.get('/templates/:file', async (req: Request, res: Response) => {
    if (!(await authenticate(db, req))) return void res.status(401).json({ error: 'Not signed in.' });
    const match = /^([a-z]+)\.(csv|xlsx)$/.exec(String(req.params.file));
    const kind = match?.[1] ?? '';
    if (!match || !isImportKind(kind)) return void res.status(404).json({ error: 'No such template.' });
    res.setHeader('Content-Disposition', `attachment; filename="${kind}.${match[2]}"`);
    if (match[2] === 'csv') res.type('text/csv; charset=utf-8').send(`\uFEFF${templateCsv(kind)}`);
    else
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await templateXlsx(kind));
  });

  router.post(
    '/:kind',
    // Who may upload what is settled from the headers, before a byte of the body is read: a refused
    // upload is not held in memory (eight unauthenticated 99 MB posts took the server to 1,5 GB).
    async (req: Request, res: Response, next: NextFunction) => {
      const viewer = await authenticate(db, req);
      if (!viewer) return void res.status(401).json({ error: 'Not signed in.' });
      if (!may(viewer.role, 'files:import'))
        return void res
          .status(403)
          .json({ error: `A ${viewer.role} account may not ${POLICY['files:import'].does}.` });
      const kind = String(req.params.kind);
      if (!isImportKind(kind))
        return void res.status(404).json({ error: `"${kind}" is not a kind of import.` });
      const fileName = fileNameOf(req.get('x-file-name'));
      if ('problem' in fileName) return void res.status(400).json({ error: fileName.problem });
      // The body parser would refuse it too, but only once the whole body had arrived.
      if (Number(req.get('content-length') ?? 0) > MAX_UPLOAD_BYTES)
        return void res.status(413).json({
          error: `The file is over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; import it with pnpm cli import.`,
        });
      res.locals.upload = { viewer, kind, fileName: fileName.name } satisfies Upload;
      next();
    },
    express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES }),
    async (req: Request, res: Response) => {
      const { viewer, kind, fileName } = res.locals.upload as Upload;
      res.status(200).type('application/x-ndjson');
      const send = (line: unknown) => res.write(`${JSON.stringify(line)}\n`);
      try {
        const summary = await runImport(db, {
          kind,
          fileName,
          bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          dryRun: req.query.dryRun === '1',
          skipInvalid: req.query.skipInvalid === '1',
          encoding:
            typeof req.query.encoding === 'string' && req.query.encoding ? req.query.encoding : undefined,
          actor: { userId: viewer.userId, osUser: null },
          reach: reachOf(viewer, today()),
          onProgress: (progress) => send({ progress }),
          // The persons of other areas that the file named go to the refusal log, as a read would;
          // the answer does not depend on whether that write succeeds.
          onPersonsRefused: async (personIds) => {
            const entries = personIds.map((id) => ({
              field: `import:${kind}`,
              argument: String(id),
              reason: 'OUT_OF_REACH' as const,
              operation: fileName,
            }));
            try {
              const alert = await logRefusals(db, viewer.userId, entries, options.refusalAlertPerMinute);
              if (alert) warnRefusalAlert({ ...alert, username: viewer.username });
            } catch (error) {
              console.error('could not write to the refusal log', error);
            }
          },
        });
        send({
          summary: {
            ...summary,
            problems: summary.problems.slice(0, MAX_PROBLEMS_SENT),
            problemsOmitted:
              summary.problemsOmitted + Math.max(0, summary.problems.length - MAX_PROBLEMS_SENT),
          },
        });
      } catch (error) {
        // A file's own problems come back in the summary; what is thrown here may hold SQL or data.
        console.error('import failed', error);
        send({ error: 'The import failed on the server; nothing was written.' });
      }
      res.end();
    },
  );
  return router;
}

/** The uploaded file's name as the history keeps it: URL-encoded in the header, printable, not too long. */
function fileNameOf(header: string | undefined): { name: string } | { problem: string } {
  if (!header) return { problem: 'The X-File-Name header is missing.' };
  let name: string;
  try {
    name = decodeURIComponent(header).normalize('NFC');
  } catch {
    return { problem: 'The X-File-Name header is not URL-encoded (encodeURIComponent).' };
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return { problem: 'The file name holds a control character.' };
  if (name.length > 255) return { problem: 'The file name is longer than 255 characters.' };
  return { name };
}
