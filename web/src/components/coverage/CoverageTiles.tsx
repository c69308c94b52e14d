import { t } from '../../i18n/index.ts';
import { formatChange, formatInteger, formatOutOf, formatPercent, ratio } from '../../lib/format.ts';
import type { ProvinceCoverage } from './queries.ts';
import { StatTile } from './StatTile.tsx';

type Coverage = Omit<ProvinceCoverage['coverage'], 'goal'>;
type StepKey = 'registered' | 'approved' | 'activated' | 'formSigned' | 'verified';

/** The steps in the order a person goes through them. */
const steps: StepKey[] = ['registered', 'approved', 'activated', 'formSigned', 'verified'];

/** The counts a week before, for the change over the last 7 days. */
type Previous = Partial<Pick<Coverage, StepKey | 'unitsContacted'>>;

interface CoverageTilesProps {
  coverage: Coverage;
  weekAgo?: Previous | null;
}

/** The headline figures: the target, each step with its share of the target, and units contacted. */
export function CoverageTiles({ coverage, weekAgo }: CoverageTilesProps) {
  const change = (key: StepKey | 'unitsContacted') => {
    const before = weekAgo?.[key];
    return before === undefined ? undefined : t.tiles.change(formatChange(coverage[key] - before));
  };
  const unitsRatio = ratio(coverage.unitsContacted, coverage.units);
  return (
    <dl className="tiles">
      <StatTile label={t.tiles.target} value={formatInteger(coverage.target)} note={t.tiles.targetNote} />
      {steps.map((step) => {
        const share = step === 'activated' ? coverage.activationRate : ratio(coverage[step], coverage.target);
        return (
          <StatTile
            key={step}
            label={t.tiles[step]}
            value={formatInteger(coverage[step])}
            note={t.tiles.ofTarget(formatPercent(share))}
            ratio={share}
            change={change(step)}
            headline={step === 'activated'}
          />
        );
      })}
      <StatTile
        label={t.tiles.unitsContacted}
        value={formatInteger(coverage.unitsContacted)}
        valueSuffix={formatOutOf(coverage.units)}
        note={t.tiles.ofUnits(formatPercent(unitsRatio))}
        ratio={unitsRatio}
        change={change('unitsContacted')}
      />
    </dl>
  );
}
