import type { IncomingMessage } from 'node:http';
import type { ExecutionResult } from 'graphql';
import Negotiator from 'negotiator';
import type { Viewer } from '../auth/reach.ts';
import type { Context } from '../context.ts';
import { withDataVersion } from '../db/reference-cache.ts';
import type { Versions } from '../db/versions.ts';
import { CONTROL_CHARACTER } from '../lib/control-characters.ts';
import type { CompiledQueries, ReadyQuery } from './compiled-queries.ts';
import type { Answer, Question } from './response-cache.ts';

/*
 * Questions asked before, answered without express and Apollo. A nine-row district breakdown asked
 * for a new day cost the server about 0,9 ms of its thread, of which its compiled query and its one
 * statement were a small part: express's chain and Apollo's request pipeline (its request context,
 * the plugins' hooks, the query's hash and the document and validation caches) the rest. A query
 * text that Apollo has already parsed, validated and run compiled, and that reads nothing personal
 * (so that running it has no effect beyond its answer: http/response-cache.ts's isShareable), is run
 * here with the same context, variables and counters, and its answer written as Apollo writes it.
 *
 * Only a clean answer is sent from here. One with an error, and every request this lane cannot take
 * as Apollo would (extensions such as a persisted query's hash, variables that are not an object, an
 * Accept header Apollo would refuse, variables graphql-js would refuse), goes on to Apollo; a result
 * already computed goes with it, so nothing is run twice and every error keeps Apollo's formatting,
 * status codes and words.
 */

export interface DirectAnswerParts {
  queries: CompiledQueries;
  /** The request's context, as the Apollo middleware makes it. */
  context: (req: IncomingMessage, viewer: Viewer) => Context;
  /** Answers sent from this lane so far (for tests and the curious). */
  sent: { count: number };
}

/** A request this lane can answer: the ready query, its variables and the answer's content type. */
export interface DirectQuestion {
  ready: ReadyQuery;
  variables: Record<string, unknown>;
  contentType: string;
}

/** What running it gave: the answer to send, or the result to hand Apollo (undefined if it threw). */
export type DirectOutcome = { answer: Answer } | { result: ExecutionResult | undefined };

/** The body's question when this lane can run it, else undefined (Apollo answers). */
export function directQuestion(
  queries: CompiledQueries,
  body: Question & { extensions?: unknown },
  accept: string | undefined,
): DirectQuestion | undefined {
  if (typeof body.query !== 'string' || body.extensions !== undefined) return undefined;
  const { operationName, variables } = body;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return undefined;
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  )
    return undefined;
  const ready = queries.ready(body.query, operationName ?? undefined);
  if (!ready) return undefined;
  // The control-characters plugin refuses these before anything runs; its refusal is Apollo's to send.
  if (variables && holdsControlCharacter(variables)) return undefined;
  const contentType = singleResultContentType(accept);
  if (!contentType) return undefined;
  return { ready, variables: (variables ?? {}) as Record<string, unknown>, contentType };
}

/** Runs the question under the request's counters and context. */
export async function answerDirectly(
  parts: DirectAnswerParts,
  req: IncomingMessage,
  viewer: Viewer,
  versions: Versions,
  question: DirectQuestion,
): Promise<DirectOutcome> {
  let result: ExecutionResult | undefined;
  try {
    const context = parts.context(req, viewer);
    const running = withDataVersion(versions.data, () =>
      parts.queries.runReady(question.ready, context, question.variables),
    );
    if (!running) return { result: undefined };
    result = await running;
  } catch {
    return { result: undefined };
  }
  if (result.errors || result.extensions) return { result };
  // As Apollo writes a single result (its prettyJSONStringify of { errors, data, extensions }).
  return {
    answer: {
      body: Buffer.from(`${JSON.stringify({ data: result.data })}\n`),
      contentType: question.contentType,
    },
  };
}

/** The media types Apollo offers for a single result, in its order (ApolloServer.ts's MEDIA_TYPES). */
const SINGLE_RESULT_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];

/**
 * The content type Apollo answers a single result with for this Accept header, or null where it
 * answers 406 (its chooseContentTypeForSingleResultResponse, which it does not export).
 */
export function singleResultContentType(accept: string | undefined): string | null {
  if (!accept) return SINGLE_RESULT_TYPES[0] as string;
  return new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES) ?? null;
}

function holdsControlCharacter(value: unknown): boolean {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value);
  if (value && typeof value === 'object')
    for (const item of Object.values(value)) if (holdsControlCharacter(item)) return true;
  return false;
}
