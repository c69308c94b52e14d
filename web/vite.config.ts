import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleSizes } from './bundle-sizes.ts';

// The API (api/src/main.ts) listens on port 4000 by default; in development Vite serves the app and
// forwards the API paths to it, so the browser sees one origin as it does in production.
const api = 'http://localhost:4000';

export default defineConfig({
  plugins: [react(), bundleSizes()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL's editor (Monaco) is one large chunk by design; it is fetched on /graphiql only.
    chunkSizeWarningLimit: 6000,
    // Two pages: the dashboard, and GraphiQL for analysts (its editor is large; it loads only there).
    rollupOptions: {
      input: { main: 'index.html', graphiql: 'graphiql.html' },
      // GraphiQL's modules start with 'use client' (a React Server Components hint); bundled, it means nothing.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': api,
      '/healthz': api,
    },
  },
});
