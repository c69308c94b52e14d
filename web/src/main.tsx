// Vietnamese needs only the latin and vietnamese subsets (Đ, Ơ, Ư and the tones are all in the latter).
// latin-ext covers them too, so with it the browser fetched a third file per weight, and those queued
// ahead of the page's first query on HTTP/1.1's six connections.
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/latin-500.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-500.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { Client, cacheExchange, fetchExchange, mapExchange, Provider } from 'urql';
import { App } from './App.tsx';
import { prefetchSession, SessionProvider } from './auth/session.tsx';
import { prefetchDistrictChart } from './components/coverage/DistrictChartPanel.tsx';

prefetchSession();
// The overview and the area pages open on the parts chart: its chunk starts now, beside the session.
if (window.location.pathname === '/' || window.location.pathname.startsWith('/areas/'))
  prefetchDistrictChart();

const client = new Client({
  url: '/graphql',
  exchanges: [
    cacheExchange,
    // A session that ended (expired, signed out elsewhere, account disabled) sends the user to sign in,
    // saying so, and back to the same address (its day and filters included) afterwards.
    mapExchange({
      onError(error) {
        if (error.response?.status === 401) {
          const next = `${window.location.pathname}${window.location.search}`;
          window.location.assign(`/login?expired=1&next=${encodeURIComponent(next)}`);
        }
      },
    }),
    fetchExchange,
  ],
  // urql sends short queries as GET by default; the API (Apollo Server, with CSRF prevention) takes
  // POST with a JSON body, so every operation goes as POST.
  preferGetMethod: false,
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Provider value={client}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </Provider>
  </StrictMode>,
);
