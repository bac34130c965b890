// Fault injection for the change engine: ONRAMP_FAULT=<point> makes the process SIGKILL itself
// at that point, so tests can prove a crash anywhere leaves every file either before or after
// and that recovery puts the machine back. Points: after-lock, after-snapshot, before-step-N,
// after-step-N, before-commit, after-commit, mid-atomic-write (first target write, between the
// durable temp file and the rename) and mid-atomic-write-N (the N-th target write).
import type { Env } from './paths';

export type FaultHook = (point: string) => void;

const noFault: FaultHook = () => undefined;

/** A hook that kills the process at the named point; a no-op when ONRAMP_FAULT is unset. */
export function faultHook(env: Env): FaultHook {
  const wanted = env.ONRAMP_FAULT;
  if (!wanted) return noFault;
  return (point) => {
    if (point !== wanted) return;
    process.kill(process.pid, 'SIGKILL');
    // SIGKILL is not catchable; block so not one more instruction of the engine runs meanwhile.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  };
}
