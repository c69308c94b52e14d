import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API (api/src/main.ts) listens on port 4000 by default; in development Vite serves the app and
// forwards the API paths to it, so the browser sees one origin as it does in production.
const api = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/graphql': api,
      '/healthz': api,
    },
  },
});
