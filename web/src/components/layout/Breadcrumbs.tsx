import { Link } from 'react-router-dom';
import { t } from '../../i18n/index.ts';
import { useAsOf, withAsOf } from '../../lib/as-of.ts';

export interface Crumb {
  id: string;
  name: string;
}

/** Province → district → commune (→ unit): every step but the last is a link that keeps the day. */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  const { asOf } = useAsOf();
  return (
    <nav aria-label={t.breadcrumbs.label} className="breadcrumbs">
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.id}>
            <Link to={withAsOf(`/areas/${crumb.id}`, asOf)}>{crumb.name}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
