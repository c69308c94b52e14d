import { Route, Routes } from 'react-router-dom';
import { AppHeader } from './components/layout/AppHeader.tsx';
import { t } from './i18n/index.ts';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<OverviewPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <footer className="app-footer">
        <p className="app-footer__inner">{t.app.footer}</p>
      </footer>
    </>
  );
}
