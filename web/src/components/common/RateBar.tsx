import { formatPercent } from '../../lib/format.ts';

interface RateBarProps {
  /** Between 0 and 1. */
  ratio: number;
  className?: string;
}

/** A thin horizontal bar for a share; decorative, the number is always written next to it. */
export function RateBar({ ratio, className }: RateBarProps) {
  const width = `${Math.min(Math.max(ratio, 0), 1) * 100}%`;
  return (
    <span className={className ? `rate-bar ${className}` : 'rate-bar'} aria-hidden="true">
      <span className="rate-bar__fill" style={{ width }} />
    </span>
  );
}

/** A table cell's rate: its bar, then the rate written out (62,4 %). */
export function RateCell({ ratio }: { ratio: number }) {
  return (
    <td className="num">
      <span className="rate-cell">
        <RateBar ratio={ratio} />
        <span className="rate-cell__value">{formatPercent(ratio)}</span>
      </span>
    </td>
  );
}
