/**
 * Competition ranks, highest value first: equal values share a rank (1, 2, 2, 4), as a league table
 * does. Returns each row's rank by its key.
 */
export function competitionRanks<T>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  scoreOf: (row: T) => number,
): Map<string, number> {
  const sorted = [...rows].sort((a, b) => scoreOf(b) - scoreOf(a));
  const ranks = new Map<string, number>();
  sorted.forEach((row, i) => {
    const previous = sorted[i - 1];
    const tied = previous !== undefined && scoreOf(previous) === scoreOf(row);
    ranks.set(keyOf(row), tied ? (ranks.get(keyOf(previous)) as number) : i + 1);
  });
  return ranks;
}
