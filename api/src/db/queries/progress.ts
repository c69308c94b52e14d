import { addDays, type IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { type CoverageFigures, getCoverage } from './coverage.ts';
import type { Scope } from './scope.ts';

export interface Pace {
  asOf: IsoDate;
  last7Days: number;
  last28Days: number;
  perDayLast7: number;
  perDayLast28: number;
}

/** Activations in the windows ending on asOf: coverage on asOf minus coverage the day before each window. */
export async function getPace(db: Db, { scope, asOf }: { scope: Scope; asOf: IsoDate }): Promise<Pace> {
  const [now, weekAgo, monthAgo] = (await Promise.all(
    [asOf, addDays(asOf, -7), addDays(asOf, -28)].map((day) => getCoverage(db, { scope, asOf: day })),
  )) as [CoverageFigures, CoverageFigures, CoverageFigures];
  const last7Days = now.activated - weekAgo.activated;
  const last28Days = now.activated - monthAgo.activated;
  return { asOf, last7Days, last28Days, perDayLast7: last7Days / 7, perDayLast28: last28Days / 28 };
}

export interface Forecast {
  asOf: IsoDate;
  targetRate: number;
  currentRate: number;
  activationsNeeded: number;
  perDay: number;
  date: IsoDate | null;
}

/**
 * The day the scope reaches `targetRate` if activations go on at the pace of the `window` days up to
 * asOf: asOf + ceil(needed / perDay). Already reached: asOf. No pace: never (null).
 */
export async function getForecast(
  db: Db,
  { scope, asOf, targetRate, window }: { scope: Scope; asOf: IsoDate; targetRate: number; window: number },
): Promise<Forecast> {
  const [now, before] = await Promise.all([
    getCoverage(db, { scope, asOf }),
    getCoverage(db, { scope, asOf: addDays(asOf, -window) }),
  ]);
  const activationsNeeded = Math.max(0, Math.ceil(targetRate * now.target - 1e-9) - now.activated);
  const inWindow = now.activated - before.activated;
  // days = needed / (inWindow / window), in integers so that 28 does not become 28.000000000000004
  const date =
    activationsNeeded === 0
      ? asOf
      : inWindow > 0
        ? addDays(asOf, Math.ceil((activationsNeeded * window) / inWindow))
        : null;
  const perDay = inWindow / window;
  return { asOf, targetRate, currentRate: now.activationRate, activationsNeeded, perDay, date };
}

export interface CoverageChange {
  from: IsoDate;
  to: IsoDate;
  before: CoverageFigures;
  after: CoverageFigures;
  registered: number;
  approved: number;
  activated: number;
  formSigned: number;
  verified: number;
  unitsContacted: number;
  activationRate: number;
}

export async function getChange(
  db: Db,
  { scope, from, to }: { scope: Scope; from: IsoDate; to: IsoDate },
): Promise<CoverageChange> {
  const [before, after] = await Promise.all([
    getCoverage(db, { scope, asOf: from }),
    getCoverage(db, { scope, asOf: to }),
  ]);
  const diff = (
    key: 'registered' | 'approved' | 'activated' | 'formSigned' | 'verified' | 'unitsContacted',
  ) => after[key] - before[key];
  return {
    from,
    to,
    before,
    after,
    registered: diff('registered'),
    approved: diff('approved'),
    activated: diff('activated'),
    formSigned: diff('formSigned'),
    verified: diff('verified'),
    unitsContacted: diff('unitsContacted'),
    activationRate: after.activationRate - before.activationRate,
  };
}
