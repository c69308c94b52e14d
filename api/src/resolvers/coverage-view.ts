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

export function view(figures: CoverageFigures, asOf: IsoDate, goalAreaId: number | null): CoverageView {
  return { ...figures, asOf, goalAreaId };
}

/** A coverage together with the goal that applies to it. */
export interface GoalProgressView {
  coverage: CoverageView;
  goal: GoalRow;
}
