// vitest globalSetup (test.globalSetup: ['test/sandbox/global-setup.ts']): test files start the
// sandbox lazily with startSandbox(); after the run this stops it again, unless it was already
// running before (a demo started with `cli.ts up` keeps running).
import { readSandbox, sandboxProblems, stopSandbox } from './sandbox';

let runningBefore = false;

export async function setup(): Promise<void> {
  runningBefore = (await sandboxProblems()).length === 0;
}

export async function teardown(): Promise<void> {
  if (runningBefore || process.getuid?.() !== 0 || !readSandbox()) return;
  // Another live test process may still use it (leases): only stop when nobody does.
  await stopSandbox({ ifUnused: true });
}
