import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { type BreakdownRow, type Dimension, getBreakdown } from './breakdown.ts';
import type { Scope } from './scope.ts';

export interface RankedRow extends BreakdownRow {
  rank: number;
}

/**
 * A breakdown's rows ranked by activation rate (competition ranking: equal rates share a rank and the
 * next rank skips). The rows come already aggregated from SQL; only their order is decided here.
 */
export async function getRanking(
  db: Db,
  params: { by: Dimension; scope: Scope; asOf: IsoDate; lowestFirst: boolean; first?: number },
): Promise<RankedRow[]> {
  const rows = (await getBreakdown(db, params)).filter((row) => row.key !== 'none');
  const sign = params.lowestFirst ? 1 : -1;
  rows.sort(
    (a, b) => sign * (a.coverage.activationRate - b.coverage.activationRate) || a.key.localeCompare(b.key),
  );
  const ranked: RankedRow[] = [];
  rows.forEach((row, i) => {
    const previous = ranked[i - 1];
    const tied = previous && previous.coverage.activationRate === row.coverage.activationRate;
    ranked.push({ ...row, rank: tied ? previous.rank : i + 1 });
  });
  return params.first === undefined ? ranked : ranked.slice(0, params.first);
}
