import { createHash } from 'node:crypto';
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
 */
export function perCredentialLimit(limits: RequestLimits): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limits.perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request) => {
      const credential = req.headers.authorization ?? req.headers.cookie ?? '';
      return createHash('sha256').update(credential).digest('hex');
    },
    handler: (_req, res, _next, options) => {
      res.status(options.statusCode).json({
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

/**
 * The server-wide guard: past `max` requests under way at once, a new one is answered 503 with
 * Retry-After at once rather than queued behind the others, whose answers would then all come late.
 */
export function shedLoad(max: number): RequestHandler {
  let inFlight = 0;
  return (_req, res, next) => {
    if (inFlight >= max) {
      res
        .status(503)
        .set('Retry-After', '1')
        .json({
          errors: [
            {
              message: 'The server is answering as many requests as it can; try again in a second',
              extensions: { code: 'SERVER_BUSY' },
            },
          ],
        });
      return;
    }
    inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
    };
    res.on('finish', release);
    res.on('close', release);
    next();
  };
}
