import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  type OperationDefinitionNode,
  printSchema,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/*
 * Queries asked more than once run compiled by graphql-jit instead of walked by graphql-js. A
 * 3.426-unit breakdown spent 6 ms of its 28 in graphql-js's execution (resolving 10.000 fields one
 * by one, each through the same generic steps) and as much again collecting the garbage it left;
 * a compiled query is one function written for that document's fields.
 *
 * Apollo Server takes an executor only from a gateway (its hook for running a document somewhere
 * else), so this is one: it hands Apollo the schema once and executes what Apollo has parsed,
 * validated (GraphQL Armor's limits and the query weight included) and given a context. Everything
 * before and after execution (plugins, error formatting, the HTTP answer) is Apollo's as before.
 *
 * A document is compiled the second time it comes (the first run of a one-off question would pay
 * the compilation, several milliseconds, for nothing), and only a query: mutations are few and run
 * where their order of fields is graphql-js's. Variables graphql-js would refuse are left to
 * graphql-js, so that every refusal keeps its words; and a document graphql-jit cannot compile runs
 * as it always did.
 */

/** Runs of a document before it is compiled. */
const RUNS_BEFORE_COMPILING = 1;

/** Query texts kept ready to run without Apollo (http/direct-answers.ts). */
export const READY_QUERIES = 500;

type Entry = { runs: number; operationName: string | undefined; compiled?: CompiledQuery | null };

/**
 * A query text Apollo has parsed, validated and run compiled, and that `mayRunReady` allowed: the
 * same text can run again without Apollo's pipeline, whose every step would give the same outcome
 * (parsing, validation and the literal arguments' checks depend on the text alone).
 */
export interface ReadyQuery {
  operation: OperationDefinitionNode;
  compiled: CompiledQuery;
}

/** Apollo's gateway, the queries it keeps ready, and how many documents it has compiled. */
export type CompiledQueries = GatewayInterface & {
  compiledCount(): number;
  /** The query ready for this text and operation name, if Apollo has run it compiled. */
  ready(query: string, operationName: string | undefined): ReadyQuery | undefined;
  /**
   * Runs a ready query; undefined when graphql-js would refuse the variables (Apollo then answers,
   * in graphql-js's words).
   */
  runReady(
    ready: ReadyQuery,
    context: object,
    variables: Record<string, unknown>,
  ): Promise<ExecutionResult> | undefined;
  /** The result Apollo is to answer for this context instead of executing (already run ready). */
  preset(context: object, result: ExecutionResult): void;
};

/** A result preset on a context: a symbol, since Apollo runs a copy of the context (its cloneObject,
 * which keeps own properties) and a WeakMap keyed by the original would miss it. */
const PRESET = Symbol('preset result');
type Preset = { [PRESET]?: ExecutionResult };

export interface CompiledQueriesOptions {
  /** Whether a query may be run without Apollo (no side effects, nothing logged per read). */
  mayRunReady?: (document: DocumentNode, operation: OperationDefinitionNode) => boolean;
}

export function compiledQueries(
  schema: GraphQLSchema,
  options: CompiledQueriesOptions = {},
): CompiledQueries {
  // Keyed by the parsed document, which Apollo keeps (and reuses for the same text) in its document
  // store: what it drops from there is dropped here.
  const documents = new WeakMap<DocumentNode, Entry>();
  let compiledCount = 0;
  const readyQueries = new LRUCache<string, ReadyQuery>({ max: READY_QUERIES });
  const readyKey = (query: string, operationName: string | undefined) =>
    `${operationName ?? ''}\u0000${query}`;
  const refusesVariables = (operation: OperationDefinitionNode, variables: Record<string, unknown>) =>
    'errors' in getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  const run = async (compiled: CompiledQuery, context: object, variables: Record<string, unknown>) => {
    const result: ExecutionResult = await compiled.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let entry = documents.get(document);
    if (!entry) {
      entry = { runs: 0, operationName };
      documents.set(document, entry);
    }
    if (entry.operationName !== operationName) return null;
    if (entry.compiled !== undefined) return entry.compiled;
    if (entry.runs++ < RUNS_BEFORE_COMPILING) return null;
    const compiled = compileQuery(schema, document, operationName);
    entry.compiled = isCompiledQuery(compiled) ? compiled : null;
    if (entry.compiled) compiledCount++;
    return entry.compiled;
  };

  const executor: GatewayExecutor = async ({ document, operation, request, source, context }) => {
    const preset = (context as Preset)[PRESET];
    if (preset) return preset;
    const variables = request.variables ?? {};
    const operationName = request.operationName ?? undefined;
    const compiled =
      operation.operation === 'query' && !refusesVariables(operation, variables)
        ? compiledFor(document, operationName)
        : null;
    if (!compiled)
      return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    // Only a text the client sent (not one looked up by a persisted query's hash).
    if (request.query === source && options.mayRunReady?.(document, operation))
      readyQueries.set(readyKey(source, operationName), { operation, compiled });
    return run(compiled, context, variables);
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      // Only Apollo's schema reporting (to its cloud, not used here) reads the SDL: printed when read,
      // not on every start (5 ms).
      callback({
        apiSchema: schema,
        get coreSupergraphSdl() {
          return printSchema(schema);
        },
      });
      return () => {};
    },
    async stop() {},
    compiledCount: () => compiledCount,
    ready: (query, operationName) => readyQueries.get(readyKey(query, operationName)),
    runReady: (ready, context, variables) =>
      refusesVariables(ready.operation, variables) ? undefined : run(ready.compiled, context, variables),
    preset: (context, result) => {
      (context as Preset)[PRESET] = result;
    },
  };
}

/**
 * graphql-jit's errors as graphql-js makes them: its own are frozen (GraphQL Armor, hiding field
 * suggestions, rewrites an error's message in place and failed on them).
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
  // graphql-jit has the locations but not the nodes graphql-js would compute them from.
  (copy as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return copy;
}
