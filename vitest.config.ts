import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The private Git host (nginx, sshd, CA) is shared by every test file and stopped after the run.
    globalSetup: ['test/sandbox/global-setup.ts'],
    reporters: ['default'],
  },
});
