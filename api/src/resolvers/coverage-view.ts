import type { CoverageFigures } from '../db/queries/coverage.ts';
import type { GoalRow } from '../db/queries/goals.ts';
import type { IsoDate } from '../lib/dates.ts';

/**
 * A Coverage as the API serves it: the figures, the day they are for, and the area whose goal
 * (or the goal of the nearest area above it) the figures answer to.
 */
export interface CoverageView extends CoverageFigures {
  asOf: IsoDate;
  goalAreaId: number | null;
}

export function view(f: CoverageFigures, asOf: IsoDate, goalAreaId: number | null): CoverageView {
  // Written out rather than spread: a unit breakdown builds thousands of these, and a literal of one
  // fixed shape is several times cheaper for V8 than copying the properties of another object.
  return {
    target: f.target,
    registered: f.registered,
    approved: f.approved,
    activated: f.activated,
    formSigned: f.formSigned,
    verified: f.verified,
    activationRate: f.activationRate,
    units: f.units,
    unitsContacted: f.unitsContacted,
    asOf,
    goalAreaId,
  };
}

/** A coverage together with the goal that applies to it. */
export interface GoalProgressView {
  coverage: CoverageView;
  goal: GoalRow;
}
