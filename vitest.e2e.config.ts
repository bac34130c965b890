// End-to-end tests: the real browser mode (startWebServer) on a temp HOME wired to the sandbox
// Git host, driven by Debian's Chromium through playwright-core. The renderer is built once in
// globalSetup so the tests always exercise the current code. One file at a time: each starts
// Chromium, and the machine has two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts', 'test/sandbox/global-setup.ts'],
    reporters: ['default'],
  },
});
