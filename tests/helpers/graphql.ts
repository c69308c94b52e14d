import type { ApolloServer } from '@apollo/server';
import { expect } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import { type Context, createContext } from '../../api/src/context.ts';
import type { Database } from '../../api/src/db/client.ts';

/** Untyped response data, for tests that check shapes with expect(). */
// biome-ignore lint/suspicious/noExplicitAny: responses are checked by the assertions themselves
export type AnyData = Record<string, any>;

export interface GraphQLResult<T> {
  data?: T;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [key: string]: unknown };
  }[];
}

/** An administrator that needs no account row: what the tests of figures run as. */
export const TEST_ADMIN: Viewer = {
  userId: 0,
  username: 'test-admin',
  displayName: 'Test',
  role: 'ADMIN',
  areaId: null,
  officeId: null,
  staffId: null,
};

/**
 * Runs an operation in process, as the HTTP layer would once it has authenticated the caller, with
 * "today" pinned when given.
 */
export async function execute<T = Record<string, unknown>>(
  apollo: ApolloServer<Context>,
  database: Database,
  query: string,
  variables?: Record<string, unknown>,
  now = new Date('2021-12-31T05:00:00Z'),
  viewer: Viewer = TEST_ADMIN,
): Promise<GraphQLResult<T>> {
  const response = await apollo.executeOperation(
    { query, variables },
    { contextValue: createContext(database.db, viewer, now) },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as GraphQLResult<T>;
}

/** The result is refused as bad input, and the error names the argument that is wrong. */
export function expectBadUserInput(result: GraphQLResult<unknown>, argument: string): void {
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.extensions?.argument).toBe(argument);
}
