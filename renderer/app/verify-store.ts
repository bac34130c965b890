// Verification runs outlive the screen that started them: events are buffered here from app
// start, so leaving the Terminal and coming back replays the whole run. A run's id is only
// known from its first event (verify.run replies at the end), so the next unknown runId is
// bound to the run this window started.
import { useSyncExternalStore } from 'react';
import type { OnrampClient } from '../../main/common/contract';
import type { VerifyEventView, VerifyRunView } from '../../main/common/contract-views';
import type { ErrorData } from '../../main/common/errors';
import { recordVerified } from './verified-hosts';

export interface VerifyRun {
  key: number;
  runId?: string;
  modules: string[];
  cleanRoom: boolean;
  startedAt: number;
  events: VerifyEventView[];
  result?: VerifyRunView;
  error?: ErrorData;
  done: boolean;
  /** streamed by another call (onboard.apply): verify.cancel cannot stop it */
  watched?: boolean;
}

/** enough for a long `go mod download -x`; older lines are dropped from the front */
const MAX_EVENTS = 20_000;

export interface VerifyStore {
  runs(): readonly VerifyRun[];
  subscribe(cb: () => void): () => void;
  /** registers the run at once (its key) and resolves `done` when verify.run replies */
  start(modules: string[], opts?: { cleanRoom?: boolean }): { key: number; done: Promise<VerifyRun> };
  /**
   * A run another call streams (onboard.apply verifies as it applies): events are collected
   * under the returned key like any run; `settle` records how it ended.
   */
  watch(modules: string[]): { key: number; settle(end: { result?: VerifyRunView; error?: ErrorData }): void };
  cancel(run: VerifyRun): Promise<void>;
  clear(): void;
}

export function createVerifyStore(client: OnrampClient): VerifyStore {
  let runs: VerifyRun[] = [];
  let nextKey = 1;
  const listeners = new Set<() => void>();
  const changed = (run: VerifyRun) => {
    // a new array and a new run object: useSyncExternalStore compares by identity
    runs = runs.map((r) => (r.key === run.key ? { ...run } : r));
    for (const l of listeners) l();
  };
  const find = (key: number) => runs.find((r) => r.key === key);

  client.on('verify.event', (e) => {
    let run = runs.find((r) => r.runId === e.runId);
    if (!run) {
      run = runs.find((r) => !r.runId && !r.done);
      if (!run) return; // another window's run
      run.runId = e.runId;
    }
    const events = run.events.length >= MAX_EVENTS ? run.events.slice(-MAX_EVENTS / 2) : run.events;
    changed({ ...run, events: [...events, e] });
  });

  return {
    runs: () => runs,
    subscribe(cb) {
      listeners.add(cb);
      return () => void listeners.delete(cb);
    },
    watch(modules) {
      const run: VerifyRun = {
        key: nextKey++,
        modules,
        cleanRoom: false,
        startedAt: Date.now(),
        events: [],
        done: false,
      };
      runs = [...runs.slice(-9), run];
      for (const l of listeners) l();
      return {
        key: run.key,
        settle(end) {
          const cur = find(run.key) ?? run;
          if (end.result) recordVerified(modules, end.result.ok);
          changed({ ...cur, ...end, done: true });
        },
      };
    },
    start(modules, opts = {}) {
      const run: VerifyRun = {
        key: nextKey++,
        modules,
        cleanRoom: !!opts.cleanRoom,
        startedAt: Date.now(),
        events: [],
        done: false,
      };
      runs = [...runs.slice(-9), run];
      for (const l of listeners) l();
      const done = client.call('verify.run', { modules, cleanRoom: opts.cleanRoom }).then((reply) => {
        const cur = find(run.key) ?? run;
        if (reply.ok) {
          recordVerified(modules, reply.value.ok);
          changed({ ...cur, runId: reply.value.runId, result: reply.value, done: true });
        } else changed({ ...cur, error: reply.error, done: true });
        return find(run.key) ?? run;
      });
      return { key: run.key, done };
    },
    async cancel(run) {
      const cur = find(run.key);
      if (cur?.runId && !cur.done) await client.call('verify.cancel', { runId: cur.runId });
    },
    clear() {
      runs = runs.filter((r) => !r.done);
      for (const l of listeners) l();
    },
  };
}

export function useVerifyRuns(store: VerifyStore): readonly VerifyRun[] {
  return useSyncExternalStore(store.subscribe, store.runs);
}
