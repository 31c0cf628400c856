import { defineConfig } from 'vitest/config';

// What only SQLite has (its pragmas, file locks, the backup API, a child process on a file) runs on SQLite alone;
// everything else runs on both engines.
const SQLITE_ONLY = [
  'test/db/migrations.test.ts',
  'test/features/market/migration.test.ts',
  'test/faults/storage.test.ts',
  'test/faults/crash.test.ts',
  'test/faults/telegram.test.ts',
  'test/lifecycle.test.ts',
  // the build (npm run build) and the built process on its own SQLite file: nothing of the engine's own
  'test/build.test.ts',
  'test/playground/**',
  // The console's pages in Chromium (its services and refusals run on both engines in test/features/console).
  'test/features/console/browser.test.ts',
  'test/features/console/browser-market.test.ts',
  'test/features/console/relief-browser.test.ts',
  'test/config.test.ts',
  // SQLite's own upkeep: its planner statistics at start, and giving a file's free pages back (cli vacuum).
  'test/db/statistics-at-start.test.ts',
  'test/cli/vacuum.test.ts',
  'test/core/**',
  'test/i18n/**',
];

// What needs the throwaway PostgreSQL cluster itself (copying a SQLite deployment into it) runs on PostgreSQL alone.
const POSTGRES_ONLY = [
  'test/cli/copy-to-postgres.test.ts',
  'test/db/instances.test.ts',
  'test/telegram/delivery/instances.test.ts',
  'test/db/migrations-down.test.ts',
];

export default defineConfig({
  test: {
    // bot tests start an HTTP fake Bot API and a real polling bot; give them room on a 2-core CI box
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: POSTGRES_ONLY } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/**/*.test.ts'],
          exclude: SQLITE_ONLY,
          globalSetup: ['test/support/postgres-setup.ts'],
          env: { LINLI_TEST_ENGINE: 'postgres' },
        },
      },
    ],
  },
});
