import fs from 'node:fs';
import http, { type IncomingMessage, type RequestListener, type Server } from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorConfig } from '@escape.tech/graphql-armor-types';
import { makeExecutableSchema } from '@graphql-tools/schema';
import express from 'express';
import type { ExecutionResult } from 'graphql';
import helmet from 'helmet';
import { may, POLICY } from './auth/policy.ts';
import type { Viewer } from './auth/reach.ts';
import { REFUSAL_ALERT_PER_MINUTE, webDist } from './config.ts';
import { type Context, createContext } from './context.ts';
import { type Database, isStatementTimeout } from './db/client.ts';
import { withDataVersion } from './db/reference-cache.ts';
import { VersionReader } from './db/versions.ts';
import { authenticate, authRoutes, type SignInLimits, sessionHashOf } from './http/auth.ts';
import { compiledQueries } from './http/compiled-queries.ts';
import { controlCharacters } from './http/control-characters.ts';
import { databaseState, jsonErrors, unavailableStatus } from './http/errors.ts';
import {
  handedOver,
  jsonUnlessRead,
  limitUnlessCounted,
  securityHeadersOf,
  withFastAnswers,
} from './http/fast-answers.ts';
import { importRoutes } from './http/imports.ts';
import { queryWeightRule } from './http/query-weight.ts';
import { perCredentialLimit, REQUEST_LIMITS, type RequestLimits, shedLoad } from './http/rate-limit.ts';
import { reportRoutes } from './http/reports.ts';
import { isShareable, ResponseCache, shareableAnswers } from './http/response-cache.ts';
import { today } from './lib/dates.ts';
import { RefusalError } from './lib/errors.ts';
import { resolvers } from './resolvers/index.ts';

const schemaDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'schema');

/** The schema, as written in api/src/schema/*.graphql (one file per domain). */
export function loadTypeDefs(): string[] {
  return fs
    .readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => fs.readFileSync(path.join(schemaDir, file), 'utf8'));
}

export interface AppOptions {
  /** Serve the built dashboard (off in API tests). */
  serveWeb?: boolean;
  /** Where the built dashboard is; web/dist by default. */
  webDist?: string;
  /** How failed sign-ins are slowed and stopped; tests tighten them to see the stop quickly. */
  signInLimits?: SignInLimits;
  /** The moment "today" is computed from; tests pin it. */
  now?: () => Date;
  /** How many requests a session or token may send to /graphql and /reports; tests tighten it. */
  requestLimits?: Partial<RequestLimits>;
  /** Refusals of persons' data past which, within a minute, an account raises an alert (20). */
  refusalAlertPerMinute?: number;
}

/** The HTTP side: node's request listener (answers from memory, then express), and `listen` with it. */
export interface HttpApp extends RequestListener {
  listen(port?: number, host?: string | (() => void), ready?: () => void): Server;
}

export interface App {
  app: HttpApp;
  apollo: ApolloServer<Context>;
  /** The answers of /graphql kept in memory (http/response-cache.ts). */
  responses: ResponseCache;
  /** How many documents have been compiled (http/compiled-queries.ts). */
  compiledQueries(): number;
  /** How many answers were run and sent without express and Apollo (http/direct-answers.ts). */
  directAnswers(): number;
  stop(): Promise<void>;
}

/** Builds the HTTP app without listening, so tests can drive it on any port or in process. */
export async function createApp(database: Database, options: AppOptions = {}): Promise<App> {
  const development = process.env.NODE_ENV === 'development';
  const refusalAlertPerMinute = options.refusalAlertPerMinute ?? REFUSAL_ALERT_PER_MINUTE;
  const armor = new ApolloArmor(ARMOR(development)).protect();
  // The schema and its resolvers, run compiled once a query comes again (http/compiled-queries.ts);
  // a query that reads nothing personal is then also run without Apollo (http/direct-answers.ts).
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
  const compiled = compiledQueries(schema, {
    mayRunReady: (document, operation) => isShareable(schema, document, operation),
  });
  const apollo = new ApolloServer<Context>({
    gateway: compiled,
    ...armor,
    validationRules: [...(armor.validationRules ?? []), queryWeightRule],
    // graphql-js counts tokens while it parses: past the limit it is a syntax error, a 400. Armor's own
    // token check runs in a plugin hook, where a refusal became an HTTP 500.
    parseOptions: { maxTokens: MAX_TOKENS },
    // The default landing page loads Apollo Sandbox from a CDN, which closed government networks block.
    // Cache control is on by default and hooks into every field's resolution: a 3.000-row breakdown
    // spent about half its time there. Nothing here sets cache hints (answers depend on the caller).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      unavailableStatus,
      controlCharacters,
      shareableAnswers,
      ...armor.plugins,
    ],
    // One operation per request: a batch would multiply every limit above by its length.
    allowBatchedHttpRequests: false,
    // Apollo's CSRF prevention (on by default, kept on): a request must be JSON or carry a header
    // that a plain cross-site form or image cannot set.
    csrfPrevention: true,
    // main.ts closes the HTTP server, Apollo and the database in order on SIGINT/SIGTERM; Apollo's own
    // handlers would race it and leave the process hanging.
    stopOnTerminationSignals: false,
    // Apollo turns introspection off when NODE_ENV is production (as `pnpm start` sets it), but GraphiQL
    // and analysts' tools need it; only signed-in accounts reach /graphql at all.
    introspection: true,
    includeStacktraceInErrorResponses: development,
    hideSchemaDetailsFromClientErrors: !development,
    formatError: (formatted, error) => {
      // The one place a refusal of the domain becomes a GraphQL error: its code, and the argument and
      // codes refused for a client that words the message itself. A bad Date written in the query text
      // fails validation, but it is the caller's input that is wrong, exactly as when it comes in a
      // variable: it is reported the same way.
      const refusal = causeOf(error, RefusalError);
      if (refusal) {
        const { code, argument, refused, reason } = refusal;
        return {
          ...formatted,
          extensions: {
            ...formatted.extensions,
            code,
            ...(argument ? { argument } : {}),
            ...(refused ? { refused } : {}),
            ...(reason ? { reason } : {}),
          },
        };
      }
      if (isStatementTimeout(error)) {
        return { message: QUERY_TIMEOUT, path: formatted.path, extensions: { code: 'QUERY_TIMEOUT' } };
      }
      const state = databaseState(error);
      if (state) return { message: state.message, path: formatted.path, extensions: { code: state.code } };
      // An internal error's message may hold SQL or data; the caller gets a plain sentence, the log the rest.
      if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        console.error('GraphQL internal error at', formatted.path?.join('.'), error);
        return {
          message: 'Internal server error',
          path: formatted.path,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        };
      }
      return formatted;
    },
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // ETags are for GETs a browser may revalidate; hashing every API answer for one cost 2 % of the time.
  // (The dashboard's files get theirs from express.static, which does not ask this setting.)
  app.set('etag', false);
  // Behind a reverse proxy on the same machine, its X-Forwarded-Proto says whether the visit is HTTPS
  // (and so whether the session cookie is marked Secure).
  app.set('trust proxy', 'loopback');
  // Helmet's headers depend on nothing of the request: recorded once and set in one step, where its
  // thirteen middlewares in a chain cost 4 % of the server's time on questions not kept in memory.
  const securityHeaders = securityHeadersOf(
    helmet({ contentSecurityPolicy: { directives: CSP }, strictTransportSecurity: false }),
  );
  const securityHeaderList = Object.entries(securityHeaders);
  app.use((_req, res, next) => {
    for (const [name, value] of securityHeaderList) res.setHeader(name, value);
    next();
  });
  app.get('/healthz', async (_req, res) => {
    try {
      // A database that hangs is as down as one that refuses: answer within two seconds either way.
      const state = await Promise.race([
        database.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      // An import writing holds the embedded database's one session: busy, not down (a monitor that
      // restarted the server on it would kill the import).
      res.json(state === 'busy' ? { status: 'ok', database: 'busy' } : { status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use('/auth', authRoutes(database.db, options.signInLimits));
  app.use('/imports', importRoutes(database.db, { refusalAlertPerMinute }));
  const contextFor = (req: IncomingMessage, viewer: Viewer, keepAnswer?: () => void) =>
    createContext(database.db, viewer, options.now?.() ?? new Date(), {
      refusalAlertPerMinute,
      sessionHash: sessionHashOf(req as express.Request),
      keepAnswer,
    });
  const responses = new ResponseCache();
  const versions = new VersionReader(database.db);
  const json = express.json({ limit: '100kb' });
  const day = () => today(options.now?.() ?? new Date());
  const limits = { ...REQUEST_LIMITS, ...options.requestLimits };
  const limit = perCredentialLimit(limits);
  // One count of requests under way for the API and the downloads, taken before any work.
  const shed = shedLoad(limits.inFlight);
  app.use('/reports', shed, limit, reportRoutes(database.db, options.now));
  app.use(
    '/graphql',
    shed,
    // Nothing of the API, introspection included, answers a request without a valid session or token.
    async (req, res, next) => {
      let viewer: Awaited<ReturnType<typeof authenticate>>;
      try {
        // The one statement a request answered from memory costs: the write counters, for the
        // credential cache here and the response cache below (read already when the fast lane
        // looked at the request first).
        const read = handedOver(req);
        if (read && 'failure' in read) throw read.failure;
        res.locals.versions = read?.versions ?? (await versions.read());
        viewer = read ? read.viewer : await authenticate(database.db, req, res.locals.versions);
      } catch (error) {
        // Passed on once and answered by jsonErrors; falling through to the 401 as well wrote a second
        // response and ended the process (ERR_HTTP_HEADERS_SENT) whenever the database blinked.
        next(error);
        return;
      }
      if (viewer) {
        res.locals.viewer = viewer;
        next();
        return;
      }
      res
        .status(401)
        .json({ errors: [{ message: UNAUTHENTICATED, extensions: { code: 'UNAUTHENTICATED' } }] });
    },
    limitUnlessCounted(limit),
    jsonUnlessRead(json),
    responses.middleware(day),
    // After the body parser, whose stream callbacks would lose it: the request's counter, for the
    // reference data read under it (db/reference-cache.ts).
    (_req, res, next) => withDataVersion(res.locals.versions.data, next),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = contextFor(req, res.locals.viewer, res.locals.keepAnswer);
        // Run already by the fast lane, with an error that Apollo is to format and answer.
        const result = (handedOver(req) as { result?: ExecutionResult } | undefined)?.result;
        if (result) compiled.preset(context, result);
        return context;
      },
    }),
  );
  const dist = options.webDist ?? webDist;
  // Outside the dashboard's block so that the policy's test reaches it without a built dashboard.
  if (options.serveWeb === false) app.get('/graphiql', graphiqlPage(database.db, null));
  if (options.serveWeb !== false && fs.existsSync(dist)) {
    // Vite names assets by content hash, so they can be cached for good; index.html never is.
    app.use(
      '/assets',
      express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
    );
    app.use(express.static(dist, { index: false }));
    app.get('/graphiql', graphiqlPage(database.db, dist));
    // A single-page app: every other GET (a district's page, reloaded) gets the app shell.
    app.get(/^\/(?!graphql|healthz|auth\/|assets\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dist, 'index.html'));
    });
  }
  app.use(jsonErrors);
  const directlySent = { count: 0 };
  const handler = withFastAnswers(app, {
    db: database.db,
    versions,
    responses,
    shed,
    json,
    limit,
    securityHeaders,
    today: day,
    direct: { queries: compiled, context: contextFor, sent: directlySent },
  });
  const httpApp: HttpApp = Object.assign(handler, {
    listen: (...args: Parameters<HttpApp['listen']>) =>
      http.createServer(handler).listen(...(args as Parameters<Server['listen']>)),
  });
  return {
    app: httpApp,
    apollo,
    responses,
    compiledQueries: compiled.compiledCount,
    directAnswers: () => directlySent.count,
    stop: () => apollo.stop(),
  };
}

/*
 * GraphQL Armor's limits, sized so that the dashboard's and GraphiQL's example queries pass with room
 * to spare (the deepest, a district's units with their officers' units, is depth 9). Armor multiplies
 * a list's cost by a literal `first`: a full page of 500 units with their coverage costs about 26.000.
 */
const UNAUTHENTICATED =
  'Sign in first: send the session cookie of /auth/login or an "Authorization: Bearer <token>" header';

const MAX_TOKENS = 3000;

const QUERY_TIMEOUT =
  'The question took longer than the server allows and was stopped; ask for a smaller scope or a shorter period';

const ARMOR = (development: boolean): GraphQLArmorConfig => ({
  maxDepth: { n: 12 },
  maxAliases: { n: 30 },
  maxDirectives: { n: 20 },
  maxTokens: { enabled: false },
  costLimit: { maxCost: 50000 },
  blockFieldSuggestion: { enabled: !development },
});

/* Everything the dashboard loads comes from this server: no CDN, no inline scripts. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Recharts and GraphiQL's editor set style attributes.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  workerSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

function causeOf<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let e = error; e; e = (e as { originalError?: unknown }).originalError)
    if (e instanceof type) return e;
  return undefined;
}

/**
 * GraphiQL for those whose work is querying (the policy's `api:explore`): its own page, bundled by Vite
 * with its editor (nothing from a CDN). Without `dist` (no dashboard served) the page is 404 once the
 * account may see it.
 */
function graphiqlPage(db: Database['db'], dist: string | null) {
  return async (req: express.Request, res: express.Response) => {
    const viewer = await authenticate(db, req);
    if (!viewer) {
      res.redirect(303, '/login?next=/graphiql');
      return;
    }
    if (!may(viewer.role, 'api:explore')) {
      res
        .status(403)
        .type('text/plain')
        .send(`A ${viewer.role} account may not ${POLICY['api:explore'].does}`);
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    if (!dist) res.status(404).end();
    else res.sendFile(path.join(dist, 'graphiql.html'));
  };
}
