import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';

/** How many API requests one session or token may send, and how many the server answers at once. */
export interface RequestLimits {
  perMinute: number;
  inFlight: number;
}

/*
 * A dashboard page asks 5 to 8 questions, GraphiQL one at a time: 600 a minute is ten pages a second
 * for one person, and stops a script that loops on the API before it costs everyone else.
 */
export const REQUEST_LIMITS: RequestLimits = { perMinute: 600, inFlight: 100 };

/**
 * A limit per session or token (an account's credential: one per person signed in) with 429 and
 * Retry-After, the same for /graphql and /reports, which authenticate at different points. The key
 * is the credential hashed, never the credential itself.
 *
 * It also counts the answers sent from memory before express (http/fast-answers.ts), on node's own
 * request and response: hence the headers of draft 7 (draft 8's need express's `res.append`), a
 * refusal written with node's methods, and no checks of express's proxy settings (the key is not
 * the address).
 */
export function perCredentialLimit(limits: RequestLimits): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limits.perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    validate: { ip: false, trustProxy: false, xForwardedForHeader: false, forwardedHeader: false },
    keyGenerator: (req: Request) => {
      const credential = req.headers.authorization ?? req.headers.cookie ?? '';
      return createHash('sha256').update(credential).digest('hex');
    },
    handler: (_req, res, _next, options) => {
      sendJson(res, options.statusCode, {
        errors: [
          {
            message: `Too many requests from this account: at most ${limits.perMinute} a minute; try again shortly`,
            extensions: { code: 'TOO_MANY_REQUESTS' },
          },
        ],
      });
    },
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * The server-wide guard of shedLoad. `admit` counts a request in until its response ends, or answers
 * null when it must be refused; what it returns lets the request out earlier (handed on elsewhere).
 */
export interface LoadShedder extends RequestHandler {
  admit(res: ServerResponse): (() => void) | null;
}

/**
 * The server-wide guard: past `max` requests under way at once, a new one is answered 503 with
 * Retry-After at once rather than queued behind the others, whose answers would then all come late.
 */
export function shedLoad(max: number): LoadShedder {
  let inFlight = 0;
  const admit = (res: ServerResponse) => {
    if (inFlight >= max) return null;
    inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
    };
    res.on('finish', release);
    res.on('close', release);
    return release;
  };
  const middleware: RequestHandler = (_req, res, next) => {
    if (admit(res)) {
      next();
      return;
    }
    res.setHeader('Retry-After', '1');
    sendJson(res, 503, {
      errors: [
        {
          message: 'The server is answering as many requests as it can; try again in a second',
          extensions: { code: 'SERVER_BUSY' },
        },
      ],
    });
  };
  return Object.assign(middleware, { admit });
}
