import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written yyyy-mm-dd (the URL may carry anything). */
function isDay(value: string | null): value is string {
  if (!value || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The day every figure of the page is for, from `?asOf=` in the URL (so a link shows the same picture
 * to someone else); null means today. `setAsOf(null)` goes back to today.
 */
export function useAsOf(): { asOf: string | null; setAsOf: (day: string | null) => void } {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const asOf = isDay(raw) ? raw : null;
  const setAsOf = useCallback(
    (day: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (day && isDay(day)) next.set('asOf', day);
          else next.delete('asOf');
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );
  return { asOf, setAsOf };
}

/** A path that keeps the page's day: `/areas/568` becomes `/areas/568?asOf=2021-07-31` while one is set. */
export function withAsOf(path: string, asOf: string | null): string {
  return asOf ? `${path}?asOf=${asOf}` : path;
}
