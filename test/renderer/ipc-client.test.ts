// The IPC client over a stand-in for the preload bridge: one function per method under its
// preload name, events through on(), and a broken bridge turned into an error reply.
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../main/common/contract';
import type { OnrampBridge } from '../../renderer/client/bridge';
import { connectIpc } from '../../renderer/client/ipc-client';

function bridge(
  fns: Record<string, (input: unknown) => Promise<unknown>>,
): OnrampBridge & { emit(e: EventName, p: unknown): void } {
  const listeners = new Map<string, ((p: unknown) => void)[]>();
  return {
    ...fns,
    on(event: EventName, cb: (p: unknown) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), cb]);
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((x) => x !== cb),
        );
    },
    emit(e: EventName, p: unknown) {
      for (const cb of listeners.get(e) ?? []) cb(p);
    },
  } as unknown as OnrampBridge & { emit(e: EventName, p: unknown): void };
}

describe('IPC client', () => {
  it('calls the preload function named for the method, with the one input', async () => {
    const seen: unknown[] = [];
    const b = bridge({
      routeExplain: async (i) => {
        seen.push(i);
        return { ok: true, value: { module: 'x' } };
      },
    });
    const r = await connectIpc(b).call('route.explain', { module: 'git.corp.test/acme/lib', probe: true });
    expect(r).toEqual({ ok: true, value: { module: 'x' } });
    expect(seen).toEqual([{ module: 'git.corp.test/acme/lib', probe: true }]);
  });

  it('turns a missing function or a rejected call into an error reply, never a throw', async () => {
    const b = bridge({
      statusRead: async () => {
        throw new Error('main process gone');
      },
    });
    const c = connectIpc(b);
    expect(await c.call('status.read', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'main process gone' },
    });
    expect(await c.call('doctor.run', {})).toMatchObject({
      ok: false,
      error: { message: 'the desktop bridge has no doctor.run' },
    });
  });

  it('delivers events until unsubscribed', () => {
    const b = bridge({});
    const got: unknown[] = [];
    const off = connectIpc(b).on('journal.changed', (p) => got.push(p));
    b.emit('journal.changed', { journalId: 'a' });
    off();
    b.emit('journal.changed', { journalId: 'b' });
    expect(got).toEqual([{ journalId: 'a' }]);
  });
});
