import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { sql } from 'drizzle-orm';
import express from 'express';
import { webDist } from './config.ts';
import { type Context, createContext } from './context.ts';
import type { Database } from './db/client.ts';
import { BadInputError } from './lib/errors.ts';
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
  /** The moment "today" is computed from; tests pin it. */
  now?: () => Date;
}

export interface App {
  app: express.Express;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

/** Builds the HTTP app without listening, so tests can drive it on any port or in process. */
export async function createApp(database: Database, options: AppOptions = {}): Promise<App> {
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    // The default landing page loads Apollo Sandbox from a CDN, which closed government networks block.
    // Cache control is on by default and hooks into every field's resolution: a 3.000-row breakdown
    // spent about half its time there. Nothing here sets cache hints (answers depend on the caller).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    // main.ts closes the HTTP server, Apollo and the database in order on SIGINT/SIGTERM; Apollo's own
    // handlers would race it and leave the process hanging.
    stopOnTerminationSignals: false,
    // Apollo turns introspection off when NODE_ENV is production (as `pnpm start` sets it), but GraphiQL
    // and analysts' tools need it.
    introspection: true,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    formatError: (formatted, error) => {
      // A bad Date written in the query text fails validation, but it is the caller's input that is
      // wrong, exactly as when it comes in a variable: report it the same way.
      if (causedBy(error, BadInputError)) {
        return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
      }
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
  app.get('/healthz', async (_req, res) => {
    try {
      // A database that hangs is as down as one that refuses: answer within two seconds either way.
      await Promise.race([
        database.db.execute(sql`select 1`),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async () => createContext(database.db, options.now?.() ?? new Date()),
    }),
  );
  const dist = options.webDist ?? webDist;
  if (options.serveWeb !== false && fs.existsSync(dist)) {
    // Vite names assets by content hash, so they can be cached for good; index.html never is.
    app.use(
      '/assets',
      express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
    );
    app.use(express.static(dist, { index: false }));
    // GraphiQL for analysts: its own page, bundled by Vite with its editor (nothing from a CDN).
    app.get('/graphiql', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dist, 'graphiql.html'));
    });
    // A single-page app: every other GET (a district's page, reloaded) gets the app shell.
    app.get(/^\/(?!graphql|healthz|assets\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dist, 'index.html'));
    });
  }
  return { app, apollo, stop: () => apollo.stop() };
}

function causedBy(error: unknown, type: new (...args: never[]) => Error): boolean {
  for (let e = error; e; e = (e as { originalError?: unknown }).originalError)
    if (e instanceof type) return true;
  return false;
}
