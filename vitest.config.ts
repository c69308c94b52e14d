import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql-js for every module, as under node: Apollo, graphql-tools and graphql-jit load its
  // CommonJS build, and Vite would otherwise give our own modules its ES build, a second copy whose
  // schema types the first refuses ("from another module or realm").
  resolve: {
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    // A browser test's server seeds the demo data set before it serves; beside another such file and
    // the report tests' PDF rendering on two shared cores, that has taken more than two minutes.
    hookTimeout: 300_000,
    // Each test file opens its own database (an in-memory PGlite, or a fresh PostgreSQL database).
    pool: 'forks',
    // On the embedded database, one migrated database dumped once for every test database to start from.
    globalSetup: ['tests/helpers/global-setup.ts'],
    maxWorkers: 2,
    // A poll waits for what a page shows; on two cores shared with the browser and the server a page
    // that asks seven questions of the embedded database can take seconds. The wait is not a measure.
    expect: { poll: { timeout: 15_000 } },
  },
});
