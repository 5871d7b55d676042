import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // HTTP tests start real servers on 127.0.0.1 and wait on the rate limiter; give them room.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
