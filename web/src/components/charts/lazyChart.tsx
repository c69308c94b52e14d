import { type ComponentType, useEffect, useState } from 'react';
import { t } from '../../i18n/index.ts';
import { ErrorBoundary } from '../common/ErrorBoundary.tsx';
import { ErrorState, LoadingState } from '../common/StateMessages.tsx';

// A chunk that failed to load stays failed for this page load; reloading fetches it afresh.
const reload = () => window.location.reload();

/**
 * A chart in its own chunk (the chart library is most of the app's code), fetched by `prefetch` when
 * the panel mounts, while its data is on its way, so that it draws in the same commit as its data. Not
 * React.lazy with Suspense on purpose: React holds a Suspense boundary's content back for 300 ms after
 * any fallback on the page, and with a page of panels each showing one in turn, the overview's first
 * chart appeared a second after its data. A failure to load or draw stays inside the panel.
 */
export function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return pending;
  };

  // biome-ignore lint/correctness/noComponentHookFactories: made once per chart, at module level
  function Loading(props: P) {
    const [chart, setChart] = useState<{ component?: ComponentType<P>; error?: Error }>({});
    useEffect(() => {
      let live = true;
      preload().then(
        (component) => live && setChart({ component }),
        (error: unknown) =>
          live && setChart({ error: error instanceof Error ? error : new Error(String(error)) }),
      );
      return () => {
        live = false;
      };
    }, []);
    if (chart.error) return <ErrorState message={t.state.chartCode} onRetry={reload} />;
    const Component = chart.component;
    return Component ? <Component {...props} /> : <LoadingState />;
  }

  // biome-ignore lint/correctness/noComponentHookFactories: made once per chart, at module level
  function LazyChart(props: P) {
    const Component = loaded ?? Loading;
    return (
      <ErrorBoundary fallback={() => <ErrorState message={t.state.chartCode} onRetry={reload} />}>
        <Component {...props} />
      </ErrorBoundary>
    );
  }
  /** Starts fetching the chart's code; a failure shows later, where the chart would be. */
  const prefetch = () => {
    preload().catch(() => {});
  };
  return { Chart: LazyChart, prefetch };
}
