import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorRequestHandler, Response } from 'express';
import { isDatabaseBusy, isDatabaseUnavailable } from '../db/client.ts';

/** A state of the database to wait out: answered 503 with Retry-After, worded by the dashboard by its code. */
export interface DatabaseState {
  code: 'SERVICE_UNAVAILABLE' | 'DATABASE_BUSY';
  message: string;
  /** Seconds the client is told to wait before asking again. */
  retryAfter: number;
}

const UNAVAILABLE: DatabaseState = {
  code: 'SERVICE_UNAVAILABLE',
  message: 'The database is not answering for the moment; try again in a few seconds',
  retryAfter: 5,
};

const BUSY: DatabaseState = {
  code: 'DATABASE_BUSY',
  message: 'The database is busy writing an import; try again in a few seconds',
  retryAfter: 2,
};

/** The state an error reveals, when it is the database's and not the question's. */
export function databaseState(error: unknown): DatabaseState | null {
  if (isDatabaseUnavailable(error)) return UNAVAILABLE;
  if (isDatabaseBusy(error)) return BUSY;
  return null;
}

/** A 503 in the GraphQL error shape. */
export function sendUnavailable(res: Response, state: DatabaseState = UNAVAILABLE): void {
  res
    .status(503)
    .set('Retry-After', String(state.retryAfter))
    .json({ errors: [{ message: state.message, extensions: { code: state.code } }] });
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
  const state = databaseState(error);
  if (state) {
    sendUnavailable(res, state);
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
 * A GraphQL answer whose errors include a database that is away or busy is sent as 503 with
 * Retry-After, like every other request then, so that proxies and clients see a state to wait out,
 * not a success.
 */
export const unavailableStatus: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const body = response.body;
        if (body.kind !== 'single' || !body.singleResult.errors) return;
        const codes = new Set(body.singleResult.errors.map((e) => e.extensions?.code));
        const state = [UNAVAILABLE, BUSY].find((s) => codes.has(s.code));
        if (!state) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(state.retryAfter));
      },
    };
  },
};
