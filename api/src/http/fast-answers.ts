import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import type { ExecutionResult } from 'graphql';
import type { Viewer } from '../auth/reach.ts';
import type { Db } from '../db/client.ts';
import type { VersionReader, Versions } from '../db/versions.ts';
import type { IsoDate } from '../lib/dates.ts';
import { authenticate } from './auth.ts';
import {
  answerDirectly,
  type DirectAnswerParts,
  type DirectOutcome,
  type DirectQuestion,
  directQuestion,
} from './direct-answers.ts';
import type { LoadShedder } from './rate-limit.ts';
import type { Answer, ResponseCache } from './response-cache.ts';

/*
 * Answers from memory, sent before express. A bare express route serves 6.700 requests a second on
 * this machine where node's own http serves 31.000: express's routing, its request and response
 * objects and helmet's thirteen middlewares cost more than the answer itself, which is a lookup. So
 * a JSON POST to /graphql that carries a credential is looked at here first, through the same steps
 * and the same objects as in express (the load shedder, the body parser, the counters, the
 * credential cache, the response cache, the per-credential limit, helmet's headers); when its answer
 * is kept it is sent from here, and when it is a query Apollo has run before it is run from here
 * (http/direct-answers.ts). Everything else goes on to express with what was read handed over
 * (`handedOver`: the counters, the account, whether the request was counted, a result already
 * computed), so nothing is read, counted or run twice or answered differently.
 */

export interface FastAnswerParts {
  db: Db;
  versions: VersionReader;
  responses: ResponseCache;
  shed: LoadShedder;
  /** The same JSON parser express uses on /graphql (its size limit included). */
  json: RequestHandler;
  limit: RequestHandler;
  /** Helmet's headers, recorded once (securityHeadersOf). */
  securityHeaders: Record<string, string>;
  today: () => IsoDate;
  /** Running queries Apollo has run before (http/direct-answers.ts). */
  direct: DirectAnswerParts;
}

/**
 * What the fast lane read of a request it handed on to express: the counters and the account, or
 * why they could not be read (express answers that failure rather than waiting for it a second time);
 * `counted` when the per-credential limit has counted it already, and `result` when its query has
 * run (Apollo answers that result instead of executing: compiled-queries.ts's preset).
 */
export type HandedOver =
  | { versions: Versions; viewer: Viewer | undefined; counted?: boolean; result?: ExecutionResult }
  | { failure: unknown };

const handedOverRequests = new WeakMap<IncomingMessage, HandedOver>();
/** A body the parser refused: express answers it, at the place its own parser would have. */
const refusedBodies = new WeakMap<IncomingMessage, unknown>();

export function handedOver(req: IncomingMessage): HandedOver | undefined {
  return handedOverRequests.get(req);
}

/** The per-credential limit for express's chain: a request the fast lane counted is not counted again. */
export function limitUnlessCounted(limit: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const read = handedOverRequests.get(req);
    if (read && 'counted' in read && read.counted) return next();
    limit(req, res, next);
  };
}

/** The JSON parser for express's chain: a body already read by the fast lane is not read again. */
export function jsonUnlessRead(json: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (refusedBodies.has(req)) return next(refusedBodies.get(req));
    json(req, res, next);
  };
}

/** The request listener: the fast lane in front of express (`app`). */
export function withFastAnswers(app: RequestListener, parts: FastAnswerParts): RequestListener {
  return (req, res) => {
    if (!isCandidate(req)) {
      app(req, res);
      return;
    }
    const release = parts.shed.admit(res);
    // Refused by the shedder: express's shedder refuses it the same way.
    if (!release) {
      app(req, res);
      return;
    }
    const handOver = (read: HandedOver) => {
      release();
      handedOverRequests.set(req, read);
      app(req, res);
    };
    // The counters are read while the body arrives: both begin after the request did.
    const versions = parts.versions.read();
    // Its failure is handled below, once the body is in; until then it must not count as unhandled.
    versions.catch(() => {});
    parts.json(asExpress(req), asExpress(res), async (bodyError?: unknown) => {
      if (bodyError) refusedBodies.set(req, bodyError);
      // The request is worked on under the counters last read while its own read is under way (a
      // round trip less to wait for), and answered from here only if that read finds the same
      // counters: no write committed between the two, so the work was done under what the request
      // arrived to. Otherwise, and whenever this lane does not answer, express takes the request
      // with the counters read after it arrived.
      const restart = async (counted: boolean) => {
        try {
          const current = await versions;
          handOver({
            versions: current,
            viewer: await authenticate(parts.db, asExpress(req), current),
            counted,
          });
        } catch (failure) {
          handOver({ failure });
        }
      };
      let under: Versions;
      let viewer: Viewer | undefined;
      try {
        under = parts.versions.known() ?? (await versions);
        viewer = await authenticate(parts.db, asExpress(req), under);
      } catch {
        return restart(false);
      }
      const body = (req as IncomingMessage & { body?: unknown }).body;
      if (bodyError || !viewer || !body || typeof body !== 'object') return restart(false);
      const key = parts.responses.keyOf(under, viewer, parts.today(), req.headers.accept ?? '', body);
      if (key === null) return restart(false);
      const answer = parts.responses.answerFor(key);
      const question = answer ? undefined : directQuestion(parts.direct.queries, body, req.headers.accept);
      if (!answer && !question) return restart(false);
      const signedIn = viewer;
      parts.limit(asExpress(req), asExpress(res), (error?: unknown) => {
        // The limiter failed: express counts and answers instead.
        if (error) return restart(false);
        const outcome: Promise<DirectOutcome> = answer
          ? Promise.resolve({ answer })
          : answerDirectly(parts.direct, req, signedIn, under, question as DirectQuestion);
        Promise.all([outcome, versions]).then(
          ([done, current]) => {
            if (current.data !== under.data || current.auth !== under.auth) return restart(true);
            if ('result' in done)
              return handOver({ versions: under, viewer: signedIn, counted: true, result: done.result });
            if (!answer) {
              parts.responses.keep(key, under, done.answer);
              parts.direct.sent.count++;
            }
            send(res, parts.securityHeaders, done.answer);
          },
          () => restart(true),
        );
      });
    });
  };
}

function send(res: ServerResponse, securityHeaders: Record<string, string>, answer: Answer): void {
  res.writeHead(200, {
    ...securityHeaders,
    'content-type': answer.contentType,
    'content-length': answer.body.length,
  });
  res.end(answer.body);
}

/** Only what the response cache could answer: a JSON POST to /graphql with a token or a cookie. */
function isCandidate(req: IncomingMessage): boolean {
  return (
    req.method === 'POST' &&
    req.url === '/graphql' &&
    req.headers['content-type']?.startsWith('application/json') === true &&
    (req.headers.authorization !== undefined || req.headers.cookie !== undefined)
  );
}

/**
 * The headers helmet sets on every response, recorded once: they depend on nothing of the request
 * (helmet's middlewares only set and remove headers), so the fast lane sends the same ones.
 */
export function securityHeadersOf(helmetMiddleware: RequestHandler): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmetMiddleware(asExpress({ headers: {} }), asExpress(recorder), () => {
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be recorded');
  return headers;
}

// The parser, the limiter and helmet read and write only what node's objects have (headers, body,
// setHeader, end); express's additions are not used on this path.
function asExpress<T extends Request | Response>(value: unknown): T {
  return value as T;
}
