import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useSession } from './auth/session.tsx';
import { AppHeader } from './components/layout/AppHeader.tsx';
import { AsOfNotice } from './components/layout/AsOfNotice.tsx';
import { t } from './i18n/index.ts';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { AreaPage } from './pages/AreaPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OfficePage } from './pages/OfficePage.tsx';
import { OfficerPage } from './pages/OfficerPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { OwnAccountPage } from './pages/OwnAccountPage.tsx';
import { RecordPage } from './pages/RecordPage.tsx';
import { ReportsPage } from './pages/ReportsPage.tsx';
import { UnitPage } from './pages/UnitPage.tsx';

/** Shows its page to a signed-in account; sends anyone else to the login page, and back afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <p className="state-message">{t.account.checking}</p>;
  if (state.status === 'waiting')
    return (
      <p className="state-message" role="alert">
        {t.state.error(t.state.waiting[state.reason])}
      </p>
    );
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <>
      <AsOfNotice />
      {children}
    </>
  );
}

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="/"
            element={
              <SignedIn>
                <OverviewPage />
              </SignedIn>
            }
          />
          <Route
            path="/areas/:id"
            element={
              <SignedIn>
                <AreaPage />
              </SignedIn>
            }
          />
          <Route
            path="/units/:id"
            element={
              <SignedIn>
                <UnitPage />
              </SignedIn>
            }
          />
          <Route
            path="/offices/:id"
            element={
              <SignedIn>
                <OfficePage />
              </SignedIn>
            }
          />
          <Route
            path="/officers/:id"
            element={
              <SignedIn>
                <OfficerPage />
              </SignedIn>
            }
          />
          <Route
            path="/imports"
            element={
              <SignedIn>
                <ImportPage />
              </SignedIn>
            }
          />
          <Route
            path="/reports"
            element={
              <SignedIn>
                <ReportsPage />
              </SignedIn>
            }
          />
          <Route
            path="/record"
            element={
              <SignedIn>
                <RecordPage />
              </SignedIn>
            }
          />
          <Route
            path="/admin/accounts"
            element={
              <SignedIn>
                <AccountsPage />
              </SignedIn>
            }
          />
          <Route
            path="/account"
            element={
              <SignedIn>
                <OwnAccountPage />
              </SignedIn>
            }
          />
          <Route
            path="*"
            element={
              <SignedIn>
                <NotFoundPage />
              </SignedIn>
            }
          />
        </Routes>
      </main>
      <footer className="app-footer">
        <p className="app-footer__inner">{t.app.footer}</p>
      </footer>
    </>
  );
}
