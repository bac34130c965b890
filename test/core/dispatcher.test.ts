// The contract's dispatcher on the real services: untrusted input is validated, errors come
// back as data, plans are applied only by id, a pasted token never comes back in a reply.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { methods } from '../../main/common/contract';
import { createDispatcher, type Dispatcher } from '../../main/core/dispatcher';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
let d: Dispatcher;
const events: { event: string; payload: unknown }[] = [];
beforeEach(() => {
  t = makeTempHome();
  events.length = 0;
  d = createDispatcher({
    env: t.env,
    cwd: t.home,
    transport: 'browser',
    version: 'test',
    emit: (event, payload) => events.push({ event, payload }),
  });
});
afterEach(() => t.cleanup());

describe('dispatcher', () => {
  it('rejects unknown methods and invalid input as data', async () => {
    expect(await d.call('nope', {})).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(await d.call('route.explain', { module: 'a b' })).toMatchObject({
      ok: false,
      error: { code: 'usage', message: expect.stringContaining('module') },
    });
    expect(await d.call('route.explain', { module: 'x.y/z', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'usage' },
    });
    expect(await d.call('plan.apply', { planId: '../../etc' })).toMatchObject({ ok: false });
  });

  it('plans, applies by id, lists history and undoes', async () => {
    const p = await d.call('plan.setGoEnv', {
      set: [{ key: 'GOPRIVATE', value: 'git.corp.test' }],
      unset: [],
    });
    expect(p.ok).toBe(true);
    const planId = p.ok ? (p.value as { planId: string }).planId : '';
    const a = await d.call('plan.apply', { planId });
    expect(a).toMatchObject({ ok: true });
    expect(execFileSync('go', ['env', 'GOPRIVATE'], { env: t.env }).toString().trim()).toBe('git.corp.test');
    expect(await d.call('plan.apply', { planId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const h = await d.call('journal.history', {});
    expect(h.ok && (h.value as { entries: unknown[] }).entries).toHaveLength(1);
    expect(await d.call('journal.undo', {})).toMatchObject({ ok: true });
    expect(events.filter((e) => e.event === 'journal.changed')).toHaveLength(2);
  });

  it('never returns a pasted token, even in an error', async () => {
    const token = 'tok-pasted-0123456789';
    const r = await d.call('fix.plan', {
      fixIds: ['add-netrc-entry'],
      token,
      login: 'alice',
      modules: ['nxdomain.invalid/x/y@v1.0.0'],
      hosts: [],
    });
    expect(JSON.stringify(r)).not.toContain(token);
  });

  it('every contract method has a handler', async () => {
    for (const m of methods) {
      const r = await d.call(m, { __probe: true });
      // strict schemas refuse the probe key: proves the method is known and validated
      expect(r).toMatchObject({ ok: false, error: { code: 'usage' } });
      expect(r.ok ? '' : r.error.message).not.toMatch(/unknown method/);
    }
  });
});
