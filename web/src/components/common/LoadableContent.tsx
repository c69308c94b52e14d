import type { ReactNode } from 'react';
import type { Loadable } from '../../lib/loadable.ts';
import { EmptyState, ErrorState, LoadingState } from './StateMessages.tsx';

interface LoadableContentProps<T> {
  state: Loadable<T>;
  /** True when the data is there but has nothing to show; null data is always empty. */
  isEmpty?: (data: NonNullable<T>) => boolean;
  children: (data: NonNullable<T>) => ReactNode;
}

/** Renders the data, or the panel's loading, empty or error state in its place. */
export function LoadableContent<T>({ state, isEmpty, children }: LoadableContentProps<T>) {
  switch (state.status) {
    case 'loading':
      return <LoadingState />;
    case 'error':
      return <ErrorState message={state.message} onRetry={state.retry} />;
    case 'ready':
      if (state.data == null || isEmpty?.(state.data)) return <EmptyState />;
      return <>{children(state.data)}</>;
  }
}
