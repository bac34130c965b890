// One dispatcher behind every transport: validates the untrusted input with the contract's
// schema, calls the service, and returns errors as data. Plans are kept here by id (they may
// hold a pasted token): the renderer sees redacted views and can only name a plan to apply it.
import { randomUUID } from 'node:crypto';
import {
  inputs,
  methods,
  type EventName,
  type Events,
  type Input,
  type Method,
  type Output,
  type Reply,
} from '../common/contract';
import type { PlanView } from '../common/contract-views';
import { toErrorData, type ErrorData } from '../common/errors';
import { explainOutput } from '../common/explain';
import { redactSecrets } from '../common/redact';
import type { Plan } from '../common/plan';
import { readStatus } from './status';
import { routeFor } from './route-service';
import { runDoctor } from './doctor/index';
import { loadContext } from './doctor/context';
import { explainContextOf } from './doctor/explain-context';
import { planFixes } from './fixes/fix-service';
import { goEnvSteps } from './requests/go-env';
import { gitConfigSteps } from './requests/git-config';
import { buildPlan, type BuiltPlan } from './planner';
import { applyPlan } from './apply';
import { history, undo } from './undo';
import { recoverJournal } from './recovery';
import { runVerification } from './verify/runner';
import { pathsOf, type Env } from './paths';
import { onboardHandlers } from './dispatch-onboard';
import { credentialHandlers } from './dispatch-credentials';
import { verifyEventView, viewOf } from './contract-mapping';

export interface DispatcherOptions {
  env: Env;
  cwd: string;
  transport: 'electron' | 'browser';
  version: string;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export interface Dispatcher {
  call(method: string, input: unknown): Promise<Reply<Method>>;
}

function issueText(e: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const i = e.issues[0];
  return i ? `${i.path.map(String).join('.') || 'input'}: ${i.message}` : 'invalid input';
}

export function createDispatcher(o: DispatcherOptions): Dispatcher {
  const plans = new Map<string, Plan>();
  const runs = new Map<string, AbortController>();
  /** every secret the renderer sent this session: no reply may carry one back */
  const secrets = new Set<string>();
  const onboard = onboardHandlers(o.env, o.cwd);
  const creds = credentialHandlers(o.env, (t) => secrets.add(t));
  const keep = (p: BuiltPlan): PlanView => {
    plans.set(p.id, p);
    return viewOf(p);
  };

  const handlers: {
    [M in Method]: (input: Output<M> extends never ? never : Input<M>) => Promise<Output<M>>;
  } = {
    'app.info': async () => ({
      version: o.version,
      platform: process.platform,
      transport: o.transport,
      home: pathsOf(o.env).home,
    }),
    'status.read': () => readStatus(o.env),
    'route.explain': (i) => routeFor(o.env, i.module, { probe: i.probe }),
    'explain.text': async (i) =>
      explainOutput(
        i.text,
        i.useMachine === false ? {} : explainContextOf(await loadContext(o.env, o.cwd, 5000)),
      ),
    'doctor.run': (i) =>
      runDoctor({
        env: o.env,
        cwd: o.cwd,
        modules: i.modules,
        hosts: i.hosts,
        timeoutMs: i.timeoutMs,
        onProgress: (p) =>
          o.emit(
            'doctor.progress',
            p.type === 'check-start'
              ? { check: p.check, subject: p.subject, state: 'start' }
              : {
                  check: p.check,
                  subject: p.subject,
                  state: p.ok ? 'ok' : 'failed',
                  durationMs: p.durationMs,
                },
          ),
      }),
    'fix.plan': async (i) => {
      if (i.token) secrets.add(i.token);
      const r = await planFixes({
        env: o.env,
        cwd: o.cwd,
        modules: i.modules,
        hosts: i.hosts,
        fixIds: i.fixIds,
        all: i.all,
        input: { token: i.token, login: i.login, caFile: i.caFile, confirmed: !!i.fixIds?.length },
      });
      return { primary: r.before.primary, plan: r.plan ? keep(r.plan) : undefined, skipped: r.skipped };
    },
    'plan.setGoEnv': async (i) =>
      keep(
        await buildPlan(
          `go env: ${[...i.set.map((s) => s.key), ...i.unset.map((u) => `-${u}`)].join(', ')}`,
          await goEnvSteps(o.env, i.set, i.unset),
          o.env,
        ),
      ),
    'plan.setGitConfig': async (i) =>
      keep(
        await buildPlan(
          `git config ${i.mode} ${i.key}`,
          gitConfigSteps(o.env, i.key, i.value, i.mode),
          o.env,
        ),
      ),
    'plan.apply': async (i) => {
      const plan = plans.get(i.planId);
      if (!plan)
        throw Object.assign(new Error(`no pending plan ${i.planId}: make the plan again`), {
          code: 'not-found',
        });
      await recoverJournal(o.env);
      const r = await applyPlan(plan, o.env);
      plans.delete(i.planId);
      o.emit('journal.changed', { journalId: r.id });
      return { journalId: r.id, files: r.files.map((f) => f.file) };
    },
    'plan.discard': async (i) => ({ discarded: plans.delete(i.planId) }),
    'journal.history': async () => ({ entries: await history(o.env) }),
    'journal.undo': async (i) => {
      await recoverJournal(o.env);
      const r = await undo(o.env, { id: i.id, last: !i.id, force: i.force });
      o.emit('journal.changed', { journalId: r.id });
      return { id: r.id, undid: r.undid, title: r.title, restored: r.restored };
    },
    'verify.run': async (i) => {
      const runId = randomUUID();
      const ac = new AbortController();
      runs.set(runId, ac);
      try {
        const r = await runVerification(
          i.modules.map((m) => ({
            kind: 'go-mod-download' as const,
            module: m.includes('@') ? m : `${m}@latest`,
          })),
          {
            env: o.env,
            cleanRoom: i.cleanRoom,
            timeoutMs: i.timeoutMs,
            signal: ac.signal,
            secrets: [...secrets],
            onEvent: (e) => o.emit('verify.event', verifyEventView(runId, e, [...secrets])),
          },
        );
        const steps = r.steps.map((s) => ({
          runId,
          stepId: s.stepId,
          title: s.title,
          ok: s.ok,
          durationMs: s.durationMs,
        }));
        for (const s of steps) o.emit('verify.step', s);
        return { runId, ok: r.ok, steps, durationMs: r.durationMs };
      } finally {
        runs.delete(runId);
      }
    },
    'secrets.list': () => creds.list(),
    'token.add': async (i) => {
      const r = await creds.add(i);
      if (r.journalId) o.emit('journal.changed', { journalId: r.journalId });
      return r;
    },
    'token.remove': async (i) => {
      const r = await creds.remove(i);
      if (r.journalId) o.emit('journal.changed', { journalId: r.journalId });
      return r;
    },
    'token.rotate': async (i) => {
      const r = await creds.rotate(i);
      o.emit('journal.changed', { journalId: r.journalId });
      return r;
    },
    'profile.presets': () => onboard.presets(),
    'profile.open': (i) => onboard.open(i),
    'onboard.plan': (i) => {
      if (i.token) secrets.add(i.token);
      return onboard.plan(i);
    },
    'onboard.apply': async (i) => {
      if (i.token) secrets.add(i.token);
      const runId = randomUUID();
      const r = await onboard.apply(i, (e) =>
        o.emit('verify.event', verifyEventView(runId, e, [...secrets])),
      );
      if (r.journalId) o.emit('journal.changed', { journalId: r.journalId });
      return r;
    },
    'verify.cancel': async (i) => {
      const ac = runs.get(i.runId);
      ac?.abort();
      return { cancelled: ac !== undefined };
    },
  };

  return {
    async call(method, input) {
      if (!(methods as string[]).includes(method))
        return {
          ok: false,
          error: { code: 'usage', message: `unknown method ${JSON.stringify(String(method).slice(0, 64))}` },
        };
      const m = method as Method;
      const parsed = inputs[m].safeParse(input ?? {});
      if (!parsed.success)
        return { ok: false, error: { code: 'usage', message: `${m}: ${issueText(parsed.error)}` } };
      try {
        const value = await (handlers[m] as (i: unknown) => Promise<unknown>)(parsed.data);
        // Defence in depth: nothing the renderer sent as a secret comes back in a reply.
        const text = JSON.stringify(value);
        const clean = [...secrets].some((s) => text.includes(s))
          ? JSON.parse(redactSecrets(text, [...secrets]))
          : value;
        return { ok: true, value: clean } as Reply<Method>;
      } catch (e) {
        const data: ErrorData = toErrorData(e);
        const code = (e as { code?: unknown }).code;
        if (data.code === 'internal' && code === 'not-found') data.code = 'not-found';
        return { ok: false, error: { ...data, message: redactSecrets(data.message, [...secrets]) } };
      }
    },
  };
}
