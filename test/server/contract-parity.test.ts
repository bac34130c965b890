// Every contract method answers over browser mode exactly as the dispatcher answers when called
// directly (same temp HOME): read-only methods compared reply for reply (clock fields aside),
// and a plan → apply → history → undo flow driven over the socket, checked against the direct
// dispatcher's view of the journal. Events reach every connected socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { methods, type Method } from '../../main/common/contract';
import { createDispatcher, type Dispatcher } from '../../main/core/dispatcher';
import { makeTempHome } from '../helpers/temp-home';
import { startFixture, waitFor, type ApiSocket, type Fixture } from './server-fixture';

let f: Fixture;
let direct: Dispatcher;
let api: ApiSocket;
let other: ApiSocket;

beforeAll(async () => {
  // GOPROXY=off: verify.run fails fast and offline instead of waiting on DNS.
  f = await startFixture({}, makeTempHome({ GOPROXY: 'off' }));
  direct = createDispatcher({
    env: f.t.env,
    cwd: f.t.home,
    transport: 'browser',
    version: 'test',
    emit: () => {},
  });
  api = await f.api();
  other = await f.api();
});
afterAll(() => f.close());

/** Clock-dependent and per-call random fields, which legitimately differ between two calls. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        /^(durationMs|generatedAt|planId|runId|handle|startedAt|finishedAt)$/.test(k)
          ? `<${k}>`
          : k === 'timings' && Array.isArray(x)
            ? // doctor lists check timings in completion order, which parallel checks vary
              (normalize(x) as unknown[]).map((t) => JSON.stringify(t)).sort()
            : normalize(x),
      ]),
    );
  return v;
}

/**
 * Inputs compared reply for reply. Methods that touch the OS keychain (token.*, secrets.list)
 * are left to the probe below: a test must not write the developer's real keychain.
 */
const readOnly: Partial<Record<Method, unknown[]>> = {
  'app.info': [{}],
  'status.read': [{}],
  'route.explain': [
    { module: 'git.corp.test/team/lib' },
    { module: 'github.com/x/y', probe: false },
    { module: 'a b' },
  ],
  'explain.text': [
    {
      text: "fatal: could not read Username for 'https://git.corp.test': terminal prompts disabled",
      useMachine: false,
    },
    { text: 'x'.repeat(1000) },
    { text: 42 },
  ],
  'doctor.run': [{ modules: ['git.corp.test/team/lib'], hosts: [], timeoutMs: 3000 }],
  'fix.plan': [{ all: true, modules: [], hosts: [] }, { fixIds: ['NOT VALID'] }],
  'plan.setGoEnv': [{ set: [{ key: 'GOPRIVATE', value: 'git.corp.test' }], unset: ['GONOSUMDB'] }],
  'plan.setGitConfig': [
    { key: 'url.ssh://git@git.corp.test/.insteadOf', value: 'https://git.corp.test/', mode: 'add' },
  ],
  'plan.discard': [{ planId: 'aaaaaaaa-0000' }],
  'journal.history': [{}],
  'verify.cancel': [{ runId: 'no-such-run' }],
  'verify.run': [{ modules: ['git.corp.test/team/lib@v1.0.0'], timeoutMs: 20_000 }, { modules: [] }],
  'profile.presets': [{}],
  'profile.open': [{ source: '/nonexistent/onramp-profile.json' }, {}],
  'onboard.plan': [{ handle: 'not-a-handle' }],
  'onboard.apply': [
    { handle: '00000000-0000-0000-0000-000000000000', consent: { acceptWarnings: false, overrides: [] } },
  ],
};
/** Exercised by the flow test (they change state, so they cannot be called twice). */
const flow: Method[] = ['plan.apply', 'journal.undo'];

describe('browser mode serves the same contract', () => {
  it('reaches every contract method, validating input the same way', async () => {
    for (const m of methods) {
      const overWs = await api.call(m, { __probe: true });
      expect(overWs, m).toEqual(await direct.call(m, { __probe: true }));
      // strict schemas refuse the probe key: the method is known and its input checked
      expect(overWs, m).toMatchObject({ ok: false, error: { code: 'usage' } });
      expect(overWs.ok ? '' : overWs.error.message, m).not.toMatch(/unknown method/);
    }
  });

  it('compares real replies for the methods this suite knows (none renamed away)', () => {
    for (const m of [...Object.keys(readOnly), ...flow]) expect(methods, m).toContain(m);
  });

  for (const [method, cases] of Object.entries(readOnly))
    it(`${method} gives the dispatcher's reply`, async () => {
      for (const input of cases as unknown[]) {
        const overWs = await api.call(method, input);
        const byHand = await direct.call(method, input);
        expect(normalize(overWs), JSON.stringify(input)).toEqual(normalize(byHand));
      }
    });

  it('unknown methods and bad input fail the same way', async () => {
    for (const [m, i] of [
      ['no.such', {}],
      ['plan.apply', { planId: '../../etc/passwd' }],
      ['app.info', { extra: 1 }],
      ['app.info', null],
    ] as const)
      expect(await api.call(m, i)).toEqual(await direct.call(m, i));
  });

  it('plan → apply → history → undo over the socket, events to every socket', async () => {
    const goprivate = () => execFileSync('go', ['env', 'GOPRIVATE'], { env: f.t.env }).toString().trim();
    other.events.length = 0;
    const plan = await api.call('plan.setGoEnv', {
      set: [{ key: 'GOPRIVATE', value: 'git.corp.test' }],
      unset: [],
    });
    expect(plan.ok).toBe(true);
    const planId = plan.ok ? (plan.value as { planId: string }).planId : '';
    // A plan is held by the server's dispatcher: the direct one cannot apply it.
    expect(await direct.call('plan.apply', { planId })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });

    const applied = await api.call('plan.apply', { planId });
    expect(applied).toMatchObject({ ok: true, value: { journalId: expect.any(String) } });
    expect(goprivate()).toBe('git.corp.test');
    expect(await api.call('plan.apply', { planId })).toEqual(await direct.call('plan.apply', { planId }));

    const history = await api.call('journal.history', {});
    expect(history).toEqual(await direct.call('journal.history', {}));
    expect(history.ok && (history.value as { entries: unknown[] }).entries.length).toBeGreaterThanOrEqual(1);

    const undone = await api.call('journal.undo', {});
    expect(undone).toMatchObject({ ok: true, value: { undid: expect.any(String) } });
    expect(goprivate()).toBe('');
    expect(await api.call('journal.history', {})).toEqual(await direct.call('journal.history', {}));

    const journalId = applied.ok ? (applied.value as { journalId: string }).journalId : '';
    for (const s of [api, other])
      await waitFor(
        () => s.events.filter((e) => e.event === 'journal.changed').length >= 2,
        'journal.changed',
      );
    expect(other.events.find((e) => e.event === 'journal.changed')?.payload).toEqual({ journalId });
  });

  it('streams doctor progress events to every connected socket', async () => {
    other.events.length = 0;
    await api.call('doctor.run', { modules: [], hosts: [], timeoutMs: 3000 });
    await waitFor(() => other.events.some((e) => e.event === 'doctor.progress'), 'doctor.progress');
    expect(other.events.find((e) => e.event === 'doctor.progress')?.payload).toMatchObject({
      check: expect.any(String),
      state: 'start',
    });
  });

  it('carries a 20 MB explain text (under the 25 MB frame limit)', async () => {
    // Mostly noise with one real failure at the end: the size is the point, not the classifier.
    const text =
      'lorem ipsum dolor sit amet\n'.repeat(740_000) +
      "fatal: could not read Username for 'https://git.corp.test': terminal prompts disabled\n";
    expect(text.length).toBeGreaterThan(19_900_000);
    const r = await api.call('explain.text', { text, useMachine: false });
    expect(r).toEqual(await direct.call('explain.text', { text, useMachine: false }));
    expect(r.ok).toBe(true);
  });

  it('answers calls sent concurrently, each to its own id', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.call('route.explain', { module: `git.corp.test/m${i}` })),
    );
    replies.forEach((r, i) => expect(r.ok && JSON.stringify(r.value)).toContain(`git.corp.test/m${i}`));
  });
});
