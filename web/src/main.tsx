import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { Client, cacheExchange, fetchExchange, mapExchange, Provider } from 'urql';
import { App } from './App.tsx';
import { SessionProvider } from './auth/session.tsx';

const client = new Client({
  url: '/graphql',
  exchanges: [
    cacheExchange,
    // A session that ended (expired, signed out elsewhere, account disabled) sends the user to sign in.
    mapExchange({
      onError(error) {
        if (error.response?.status === 401)
          window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
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
