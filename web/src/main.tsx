import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { Client, cacheExchange, fetchExchange, Provider } from 'urql';
import { App } from './App.tsx';

const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
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
        <App />
      </BrowserRouter>
    </Provider>
  </StrictMode>,
);
