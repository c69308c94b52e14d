import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect } from 'react';
import { type AnyVariables, type RequestPolicy, type UseQueryArgs, useQuery } from 'urql';
import { fromQuery, type Loadable, type Refusal, refusalOf, waitOutSeconds } from './loadable.ts';

/**
 * A query's state for a panel, the means to ask again after a write the cache cannot know of, and
 * whether the server refused what the query named (see refusalOf).
 */
export type LoadableQuery<T> = Loadable<T> & { refresh: () => void; refusal?: Refusal | null };

interface LoadableOptions {
  requestPolicy?: RequestPolicy;
  /** Holds the query back, as urql's `pause`: the state stays loading. */
  pause?: boolean;
}

/**
 * The one way a panel asks for its data: the query, and the part of its answer the panel shows, as a
 * Loadable (loading, error with its retry, or ready; data already on screen stays while it refreshes).
 * A retry or refresh always goes to the network, since the cache holds what failed or what is stale.
 */
export function useLoadable<D, V extends AnyVariables, T>(
  query: TypedDocumentNode<D, V>,
  variables: V,
  select: (data: D) => T,
  options: LoadableOptions = {},
): LoadableQuery<T> {
  // urql types its arguments by whether the document has variables, which a generic V cannot settle.
  const args = { query, variables, ...options } as UseQueryArgs<V, D>;
  const [result, reexecute] = useQuery(args);
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  // A busy or unavailable database passes by itself: the panel says so and asks again on its own.
  const waitOut = result.fetching ? null : waitOutSeconds(result.error);
  useEffect(() => {
    if (waitOut === null) return;
    const timer = setTimeout(refresh, waitOut * 1000);
    return () => clearTimeout(timer);
  }, [waitOut, refresh]);
  return { ...fromQuery(result, refresh, select), refresh, refusal: refusalOf(result.error) };
}
