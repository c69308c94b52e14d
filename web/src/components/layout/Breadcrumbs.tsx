import { Link } from 'react-router-dom';
import { t } from '../../i18n/index.ts';
import { useAsOf } from '../../lib/as-of.ts';
import { areaPath, usePageGeography } from '../../lib/geography.ts';

export interface Crumb {
  id: string;
  name: string;
}

/**
 * Province → district → commune (→ unit): every step but the last is a link that keeps the day and,
 * when it is not the day's, the geography.
 */
export function Breadcrumbs({
  trail,
  current,
  geography,
}: {
  trail: Crumb[];
  current: string;
  /** The geography the trail's areas belong to. */
  geography: string;
}) {
  const { asOf } = useAsOf();
  const { ofDay } = usePageGeography(asOf);
  return (
    <nav aria-label={t.breadcrumbs.label} className="breadcrumbs">
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.id}>
            <Link to={areaPath(crumb.id, geography, asOf, ofDay)}>{crumb.name}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
