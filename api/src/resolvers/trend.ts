import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import type { Db } from '../db/client.ts';
import type { Scope } from '../db/queries/scope.ts';
import { getTrend } from '../db/queries/trend.ts';
import type { IsoDate } from '../lib/dates.ts';
import { BadInputError } from '../lib/errors.ts';

/** Ten years of days: more is a mistake, not a question. */
const MAX_TREND_DAYS = 3660;

/** Refuses a period whose `to` is before `from`, or that is too long. */
export function checkTrendDays(from: IsoDate, to: IsoDate): void {
  const days = differenceInCalendarDays(to, from) + 1;
  if (days < 1)
    throw new BadInputError(`"to" (${to}) is before "from" (${from})`, 'to', {
      code: 'TO_BEFORE_FROM',
      args: { from, to },
    });
  if (days > MAX_TREND_DAYS) {
    throw new BadInputError(
      `A trend covers at most ${MAX_TREND_DAYS} days; ${from} to ${to} is ${days}`,
      'to',
      { code: 'PERIOD_TOO_LONG', args: { from, to, days, max: MAX_TREND_DAYS } },
    );
  }
}

/** A trend after checking its days. */
export function checkedTrend(db: Db, scope: Scope, from: IsoDate, to: IsoDate) {
  checkTrendDays(from, to);
  return getTrend(db, { scope, from, to });
}
