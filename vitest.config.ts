import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // bot tests start an HTTP fake Bot API and a real polling bot; give them room on a 2-core CI box
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
