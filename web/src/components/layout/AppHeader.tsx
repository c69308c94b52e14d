import { Link, NavLink } from 'react-router-dom';
import { t } from '../../i18n/index.ts';

export function AppHeader() {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="brand" aria-label={t.app.homeLinkLabel}>
          <span className="brand__mark" aria-hidden="true">
            V
          </span>
          <span className="brand__text">
            <span className="brand__product">{t.app.productName}</span>
            <span className="brand__org">{t.app.organisation}</span>
          </span>
        </Link>
        <nav aria-label={t.app.navLabel} className="app-nav">
          <NavLink to="/" end className="app-nav__link">
            {t.app.navOverview}
          </NavLink>
        </nav>
      </div>
    </header>
  );
}
