import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { todayInVietnam } from './days.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written yyyy-mm-dd (the URL may carry anything). */
function isDay(value: string | null): value is string {
  if (!value || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** What was wrong with the day the URL named, when it named one the page could not show. */
export type AsOfProblem = { kind: 'invalid'; raw: string } | { kind: 'future'; raw: string; today: string };

/**
 * The day every figure of the page is for, from `?asOf=` in the URL (so a link shows the same picture
 * to someone else); null means today. A day that does not exist (2021-02-30, "abc") or lies after
 * today in Vietnam is not shown: the page shows today, and `problem` says why (see AsOfNotice).
 * `setAsOf(null)` goes back to today.
 */
export function useAsOf(): {
  asOf: string | null;
  setAsOf: (day: string | null) => void;
  problem: AsOfProblem | null;
} {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const today = todayInVietnam();
  const problem: AsOfProblem | null =
    raw === null
      ? null
      : !isDay(raw)
        ? { kind: 'invalid', raw }
        : raw > today
          ? { kind: 'future', raw, today }
          : null;
  const asOf = raw !== null && !problem ? raw : null;
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
  return { asOf, setAsOf, problem };
}

/** A path that keeps the page's day: `/areas/568` becomes `/areas/568?asOf=2021-07-31` while one is set. */
export function withAsOf(path: string, asOf: string | null): string {
  return asOf ? `${path}?asOf=${asOf}` : path;
}
