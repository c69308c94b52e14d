import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatChange, formatInteger, formatOutOf, formatPercent, ratio } from '../../lib/format.ts';
import { StatTile } from './StatTile.tsx';

// The funnel of any scope: an area's, a unit's, an officer's units'.
const coverageTilesFields = graphql(`
  fragment CoverageTilesFields on Coverage {
    target
    registered
    approved
    activated
    formSigned
    verified
    activationRate
    units
    unitsContacted
  }
`);

type StepKey = 'registered' | 'approved' | 'activated' | 'formSigned' | 'verified';

/** The steps in the order a person goes through them. */
const steps: StepKey[] = ['registered', 'approved', 'activated', 'formSigned', 'verified'];

export type CoverageTilesRef = FragmentType<typeof coverageTilesFields>;

interface CoverageTilesProps {
  coverage: CoverageTilesRef;
  /** The same figures a week before, for the change over the last 7 days. */
  weekAgo?: CoverageTilesRef | null;
  /** One unit's funnel: "units contacted 1/1" means nothing there (its timeline says it). */
  oneUnit?: boolean;
}

/** The headline figures: the target, each step with its share of the target, and units contacted. */
export function CoverageTiles(props: CoverageTilesProps) {
  const coverage = useFragment(coverageTilesFields, props.coverage);
  const weekAgo = useFragment(coverageTilesFields, props.weekAgo);
  const change = (key: StepKey | 'unitsContacted') => {
    const before = weekAgo?.[key];
    return before == null ? undefined : t.tiles.change(formatChange(coverage[key] - before));
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
      {!props.oneUnit && (
        <StatTile
          label={t.tiles.unitsContacted}
          value={formatInteger(coverage.unitsContacted)}
          valueSuffix={formatOutOf(coverage.units)}
          note={t.tiles.ofUnits(formatPercent(unitsRatio))}
          ratio={unitsRatio}
          change={change('unitsContacted')}
        />
      )}
    </dl>
  );
}
