import { Link, NavLink, useMatch } from 'react-router-dom';
import { type Action, RECORDING } from '../../auth/permissions.ts';
import { useCan, useSession } from '../../auth/session.tsx';
import { language, switchLanguage, t } from '../../i18n/index.ts';
import { useAsOf } from '../../lib/as-of.ts';
import { reportsPath, usePageGeo } from '../../lib/reports-link.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { SearchBox } from './SearchBox.tsx';

/** The pages an account sees in the menu only when it holds their action. */
const LINKS: { to: string; label: string; action: Action }[] = [
  { to: '/imports', label: t.imports.nav, action: 'files:import' },
  { to: '/reports', label: t.nav.reports, action: 'report:read' },
  { to: '/admin/accounts', label: t.nav.accounts, action: 'accounts:manage' },
];

export function AppHeader() {
  const { state, signOut } = useSession();
  const can = useCan();
  // The report opens on the day and the area being looked at, so one click gives its figures.
  const { asOf } = useAsOf();
  const area = useMatch('/areas/:code')?.params.code ?? null;
  const reports = reportsPath(asOf, area, usePageGeo());
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
        {state.status !== 'signed-in' && <LanguageSwitch />}
        {state.status === 'signed-in' && (
          <>
            <nav aria-label={t.app.navLabel} className="app-nav">
              <NavLink to="/" end className="app-nav__link">
                {t.app.navOverview}
              </NavLink>
              {RECORDING.some(can) && (
                <NavLink to="/record" className="app-nav__link">
                  {t.recording.nav}
                </NavLink>
              )}
              {LINKS.filter((link) => can(link.action)).map(({ to, label, action }) => (
                <NavLink
                  key={to}
                  to={to === '/reports' ? reports : to}
                  className="app-nav__link"
                  data-action={action}
                >
                  {label}
                </NavLink>
              ))}
            </nav>
            <SearchBox />
            <div className="account">
              <AccountMenu />
              <LanguageSwitch />
              <button type="button" className="account__signout" onClick={() => void signOut()}>
                {t.account.signOut}
              </button>
            </div>
          </>
        )}
      </div>
    </header>
  );
}

/** Vietnamese by default; the switch names the other language in that language. */
function LanguageSwitch() {
  const other = language === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="account__signout"
      lang={other}
      aria-label={t.account.switchLanguageLabel}
      onClick={() => switchLanguage(other)}
    >
      {t.account.switchLanguage}
    </button>
  );
}
