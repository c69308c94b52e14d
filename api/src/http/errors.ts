import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorRequestHandler, Response } from 'express';
import { isDatabaseUnavailable } from '../db/client.ts';

/** Seconds a client is told to wait before asking again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE =
  'The database is not answering for the moment; try again in a few seconds';

/** A 503 in the GraphQL error shape, which the dashboard words in its own language by its code. */
export function sendUnavailable(res: Response): void {
  res
    .status(503)
    .set('Retry-After', String(RETRY_AFTER_SECONDS))
    .json({ errors: [{ message: DATABASE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
}

/*
 * The last handler of the app: every error an HTTP route passes on is answered in JSON, never with
 * Express's HTML page and never with a stack or SQL. A body parser's own errors (malformed or oversized
 * JSON) carry their 4xx status and a message meant for the caller.
 */
export const jsonErrors: ErrorRequestHandler = (error, _req, res, next) => {
  // Something was already written: only Express can end the response (it closes the connection).
  if (res.headersSent) {
    next(error);
    return;
  }
  if (isDatabaseUnavailable(error)) {
    sendUnavailable(res);
    return;
  }
  const status = (error as { status?: unknown; statusCode?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res
      .status(status)
      .json({ errors: [{ message: clientMessage(error, status), extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  console.error('HTTP internal error:', error);
  res
    .status(500)
    .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
};

function clientMessage(error: { type?: string; message?: string; expose?: boolean }, status: number): string {
  if (error.type === 'entity.parse.failed') return 'The request body is not valid JSON';
  if (error.type === 'entity.too.large') return 'The request body is too large';
  if (status === 404) return 'Not found';
  return error.expose && error.message ? error.message : 'Bad request';
}

/**
 * A GraphQL answer whose errors include a database that is away is sent as 503 with Retry-After,
 * like every other request then, so that proxies and clients see a state to wait out, not a success.
 */
export const unavailableStatus: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const body = response.body;
        if (body.kind !== 'single' || !body.singleResult.errors) return;
        if (!body.singleResult.errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
      },
    };
  },
};
