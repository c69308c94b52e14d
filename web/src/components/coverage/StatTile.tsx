import { RateBar } from '../common/RateBar.tsx';

interface StatTileProps {
  label: string;
  /** The figure, already formatted. */
  value: string;
  /** Written smaller after the figure, e.g. "/ 1.200". */
  valueSuffix?: string;
  /** A line under the figure, e.g. the share of the target. */
  note: string;
  /** The share to draw as a bar, when there is one. */
  ratio?: number;
  /** The change over the last days, already written out. */
  change?: string;
  /** The headline figure, drawn emphasised. */
  headline?: boolean;
}

export function StatTile({
  label,
  value,
  valueSuffix,
  note,
  ratio,
  change,
  headline = false,
}: StatTileProps) {
  return (
    <div className={headline ? 'tile tile--headline' : 'tile'}>
      <dt className="tile__label">{label}</dt>
      <dd className="tile__value">
        {value}
        {valueSuffix && <span className="tile__value-suffix"> {valueSuffix}</span>}
      </dd>
      <dd className="tile__note">
        {note}
        {ratio !== undefined && <RateBar ratio={ratio} className="tile__bar" />}
      </dd>
      {change && <dd className="tile__change">{change}</dd>}
    </div>
  );
}
