import { Link, NavLink } from 'react-router-dom';
import { useSession } from '../../auth/session.tsx';
import { language, switchLanguage, t } from '../../i18n/index.ts';

export function AppHeader() {
  const { state, signOut } = useSession();
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
              {(state.user.role === 'ADMIN' || state.user.role === 'DISTRICT') && (
                <>
                  <NavLink to="/record" className="app-nav__link">
                    {t.recording.nav}
                  </NavLink>
                  <NavLink to="/imports" className="app-nav__link">
                    {t.imports.nav}
                  </NavLink>
                </>
              )}
              <NavLink to="/reports" className="app-nav__link">
                {t.nav.reports}
              </NavLink>
              {state.user.role === 'ADMIN' && (
                <NavLink to="/admin/accounts" className="app-nav__link">
                  {t.nav.accounts}
                </NavLink>
              )}
            </nav>
            <div className="account">
              <span className="account__name">{state.user.displayName}</span>
              <span className="account__role">
                {t.account.roles[state.user.role]}
                {state.user.area ? ` · ${state.user.area.name}` : ''}
              </span>
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
