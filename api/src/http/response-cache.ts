import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { type Reach, reachOf, type Viewer } from '../auth/reach.ts';
import type { Context } from '../context.ts';
import { stopSharingReference } from '../db/reference-cache.ts';
import type { Versions } from '../db/versions.ts';
import type { IsoDate } from '../lib/dates.ts';

/*
 * Whole answers of /graphql kept in memory and sent again, byte for byte, to the next request that asks
 * the same question under the same data, day, role and reach: such a request costs the read of the
 * database's counters (db/versions.ts) and no more. Never stale: every write transaction, from any
 * process, bumps the `data` counter, and the first request to see a new value empties the cache; an
 * answer computed under an older value is not kept. Never across reaches: the key holds the role and
 * the reach (the area, office or officer), and answers that depend on the account itself (`me`, its
 * tokens) or that must be logged when read (persons, whose every read goes to the access log) are never
 * cached at all.
 */

/** Answers kept at most, and their bytes together (keys included); one answer may take up to a quarter. */
export const RESPONSE_CACHE_ENTRIES = 2_000;
export const RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;

/** Root fields whose answer depends on who asks or is itself logged: never cached. */
const PERSONAL_ROOT_FIELDS = new Set([
  'me',
  'accounts',
  'accountEvents',
  'person',
  'accessLog',
  'refusals',
  'refusalAlerts',
  'auditLog',
  'imports',
]);

/** Types whose appearance anywhere in an answer makes it personal or logged (persons under a unit…). */
const PERSONAL_TYPES = new Set([
  'Person',
  'PersonStep',
  'PersonBlocker',
  'PersonEdge',
  'PersonConnection',
  'AccessLogEntry',
  'AccessLogPage',
  'Refusal',
  'RefusalPage',
  'RefusalAlert',
  'RefusalAlerts',
  'Account',
  'ApiToken',
  'CreatedToken',
  'AccountEvent',
  'AuditEntry',
  'AuditPage',
  'Import',
]);

interface TypeLike {
  name: string;
  getFields?: () => Record<string, { type: unknown }>;
}

/** A field's type without its lists and non-nulls (read by shape: graphql-js's own helpers refuse types
 * of the copy of the package Apollo loaded when this module got the other one). */
function namedType(type: unknown): TypeLike {
  let t = type as { ofType?: unknown };
  while (t.ofType) t = t.ofType as { ofType?: unknown };
  return t as unknown as TypeLike;
}

/** True when the operation is a query that reads nothing personal: its answer may be shared by a reach. */
export function isShareable(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  if (operation.operation !== 'query') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
  const seen = new Set<string>();
  const shareable = (
    selections: SelectionSetNode,
    parent: TypeLike | null | undefined,
    root: boolean,
  ): boolean => {
    for (const selection of selections.selections) {
      if (selection.kind === 'Field') {
        const name = selection.name.value;
        if (root && PERSONAL_ROOT_FIELDS.has(name)) return false;
        const field = parent?.getFields?.()[name];
        if (!field) continue; // __typename, introspection
        const type = namedType(field.type);
        if (PERSONAL_TYPES.has(type.name)) return false;
        if (selection.selectionSet && !shareable(selection.selectionSet, type, false)) return false;
      } else {
        const fragment =
          selection.kind === 'FragmentSpread' ? fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        if (selection.kind === 'FragmentSpread') {
          if (seen.has(selection.name.value)) continue;
          seen.add(selection.name.value);
        }
        const on = fragment.typeCondition
          ? (schema.getType(fragment.typeCondition.name.value) as TypeLike)
          : parent;
        if (!shareable(fragment.selectionSet, on, root)) return false;
      }
    }
    return true;
  };
  return shareable(operation.selectionSet, schema.getQueryType() as TypeLike | null, true);
}

/**
 * The Apollo side: tells the request, once its answer is complete and free of errors, that the
 * answer may be kept (the express side, below, holds the bytes).
 */
export const shareableAnswers: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    let shareable = false;
    return {
      async didResolveOperation({ schema, document, operation }) {
        if (operation?.operation !== 'query') stopSharingReference();
        shareable = Boolean(operation) && isShareable(schema, document, operation as OperationDefinitionNode);
      },
      async willSendResponse({ response, contextValue }) {
        if (
          shareable &&
          response.body.kind === 'single' &&
          !response.body.singleResult.errors &&
          (response.http.status ?? 200) === 200
        )
          contextValue.keepAnswer?.();
      },
    };
  },
};

/** A kept answer: its bytes as sent, and its content type. */
export interface Answer {
  body: Buffer;
  contentType: string;
}

/** What a request asks: the parts of the body the key is made of. */
export interface Question {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

function reachKey(reach: Reach): string {
  switch (reach.kind) {
    case 'all':
      return 'all';
    case 'area':
      return `area:${reach.areaId}`;
    case 'office':
      return `office:${reach.officeId}`;
    case 'officer':
      return `officer:${reach.staffId}:${reach.today}`;
  }
}

export class ResponseCache {
  private readonly answers = new LRUCache<string, Answer>({
    max: RESPONSE_CACHE_ENTRIES,
    maxSize: RESPONSE_CACHE_BYTES,
    maxEntrySize: RESPONSE_CACHE_BYTES / 4,
    sizeCalculation: (answer, key) => answer.body.length + 2 * key.length + 64,
  });
  /** The `data` counter the cached answers were computed under. */
  private dataVersion = -1;

  /**
   * The key of a question asked under these counters, by this account, on this day; null when it is
   * not one to keep (no query text, or counters older than the answers kept). A newer `data` counter
   * empties the cache first.
   */
  keyOf(versions: Versions, viewer: Viewer, day: IsoDate, accept: string, body: Question): string | null {
    if (typeof body.query !== 'string') return null;
    if (versions.data !== this.dataVersion) {
      if (versions.data < this.dataVersion) return null; // read before a newer one was seen
      this.answers.clear();
      this.dataVersion = versions.data;
    }
    return [
      versions.data,
      day,
      viewer.role,
      reachKey(reachOf(viewer, day)),
      accept,
      typeof body.operationName === 'string' ? body.operationName : '',
      JSON.stringify(body.variables ?? null),
      body.query,
    ].join('\u0000');
  }

  answerFor(key: string): Answer | undefined {
    return this.answers.get(key);
  }

  /** Keeps an answer computed under these counters, unless newer ones have been seen since. */
  keep(key: string, versions: Versions, answer: Answer): void {
    if (this.dataVersion === versions.data) this.answers.set(key, answer);
  }

  /**
   * Express middleware, after authentication and the JSON body parser: sends the kept answer when
   * there is one, else lets the request through, ready to keep its answer. Needs `res.locals.viewer`,
   * `res.locals.versions` and the day.
   */
  middleware(today: () => IsoDate) {
    return (req: Request, res: Response, next: NextFunction) => {
      const versions = res.locals.versions as Versions | undefined;
      const viewer = res.locals.viewer as Viewer | undefined;
      const body = req.body as Question | undefined;
      // Only JSON POSTs: Apollo refuses the other kinds (CSRF prevention) and must keep doing so.
      if (!versions || !viewer || !body || req.method !== 'POST' || !req.is('application/json'))
        return next();
      const key = this.keyOf(versions, viewer, today(), req.headers.accept ?? '', body);
      if (key === null) return next();
      const kept = this.answers.get(key);
      if (kept) {
        res.status(200).setHeader('content-type', kept.contentType);
        res.send(kept.body);
        return;
      }
      const send = res.send.bind(res);
      let keep = false;
      res.locals.keepAnswer = () => {
        keep = true;
      };
      res.send = (sent: unknown) => {
        res.send = send;
        if (keep && res.statusCode === 200 && typeof sent === 'string')
          this.keep(key, versions, {
            body: Buffer.from(sent),
            contentType: String(res.getHeader('content-type') ?? 'application/json'),
          });
        return send(sent);
      };
      next();
    };
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.answers.size, bytes: this.answers.calculatedSize };
  }
}
