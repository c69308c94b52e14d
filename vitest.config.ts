import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each test file opens its own database (an in-memory PGlite, or a fresh PostgreSQL database).
    pool: 'forks',
    maxWorkers: 2,
  },
});
