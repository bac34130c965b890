// The one API contract. Electron IPC (one ipcMain.handle per method) and browser mode (HTTP +
// WebSocket) serve exactly these methods; the preload exposes one function per method; the
// renderer's typed client is derived from this file. Inputs are validated here with zod on the
// main side (renderer input is untrusted); outputs are produced by main and typed, not parsed.
// Errors cross as data ({ ok: false, error: { code, message, hint } }): Electron keeps only the
// message of a thrown error. Secrets may travel renderer → main (a pasted token), never back.
import { z } from 'zod';
import type { ErrorData } from './errors';
import type { RouteExplanation } from './route';
import type { DoctorReport } from './doctor-report';
import type { ExplainResult } from './explain/types';
import type {
  AppInfo,
  FixPlanView,
  OnboardApplyView,
  OnboardPlanView,
  ProfileOpenView,
  HistoryView,
  PlanView,
  StatusView,
  UndoView,
  VerifyEventView,
  VerifyRunView,
  VerifyStepView,
} from './contract-views';

const modulePath = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._~+\-/:!@]*$/, 'not a module path');
const host = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*(:\d{1,5})?$/, 'not a host name');
const planId = z.string().regex(/^[0-9A-Za-z-]{8,64}$/);
const assignment = z
  .object({
    key: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Z0-9_]+$/),
    value: z.string().max(4096),
  })
  .strict();

export const inputs = {
  'app.info': z.object({}).strict(),
  'status.read': z.object({}).strict(),
  'route.explain': z.object({ module: modulePath, probe: z.boolean().optional() }).strict(),
  'explain.text': z.object({ text: z.string().max(20_000_000), useMachine: z.boolean().optional() }).strict(),
  'doctor.run': z
    .object({
      modules: z.array(modulePath).max(500).optional(),
      hosts: z.array(host).max(50).optional(),
      timeoutMs: z.number().int().min(100).max(120_000).optional(),
    })
    .strict(),
  'fix.plan': z
    .object({
      fixIds: z
        .array(z.string().regex(/^[a-z0-9-]{2,40}$/))
        .max(50)
        .optional(),
      all: z.boolean().optional(),
      modules: z.array(modulePath).max(500).optional(),
      hosts: z.array(host).max(50).optional(),
      /** a token the user pasted; held in main, never echoed back */
      token: z.string().min(1).max(4096).optional(),
      login: z.string().min(1).max(256).optional(),
      caFile: z.string().min(1).max(4096).optional(),
    })
    .strict(),
  'plan.setGoEnv': z
    .object({ set: z.array(assignment).max(20), unset: z.array(z.string().regex(/^[A-Z0-9_]+$/)).max(20) })
    .strict(),
  'plan.setGitConfig': z
    .object({
      key: z.string().min(3).max(1024),
      value: z.string().max(4096).optional(),
      mode: z.enum(['set', 'add', 'unset', 'unset-all']),
    })
    .strict(),
  'plan.apply': z.object({ planId }).strict(),
  'plan.discard': z.object({ planId }).strict(),
  'journal.history': z.object({}).strict(),
  'journal.undo': z.object({ id: z.string().max(64).optional(), force: z.boolean().optional() }).strict(),
  'verify.run': z
    .object({
      modules: z.array(modulePath).min(1).max(50),
      cleanRoom: z.boolean().optional(),
      timeoutMs: z.number().int().min(1000).max(600_000).optional(),
    })
    .strict(),
  'verify.cancel': z.object({ runId: z.string().max(64) }).strict(),
  'profile.presets': z.object({}).strict(),
  /** exactly one of preset, source (https URL, onramp://import?url=…, or a file path), text */
  'profile.open': z
    .object({
      preset: z
        .object({
          name: z.string().max(40),
          url: z.string().max(2048).optional(),
          org: z.string().max(256).optional(),
          protocol: z.enum(['https', 'ssh']).optional(),
          sshFingerprints: z.array(z.string().max(128)).max(10).optional(),
          testModule: z.string().max(512).optional(),
        })
        .strict()
        .optional(),
      source: z.string().min(1).max(4096).optional(),
      text: z
        .object({ text: z.string().max(262_144), fileName: z.string().max(256) })
        .strict()
        .optional(),
    })
    .strict()
    .refine(
      (i) => [i.preset, i.source, i.text].filter((x) => x !== undefined).length === 1,
      'give one of preset, source, text',
    ),
  'secrets.list': z.object({}).strict(),
  /** the token is pasted by the person; it stays in main and never comes back */
  'token.add': z
    .object({
      host,
      token: z.string().min(1).max(4096),
      account: z.string().min(1).max(256).optional(),
      kind: z.enum(['github', 'github-enterprise', 'gitlab', 'gitea', 'bitbucket', 'generic']).optional(),
      module: z.string().max(512).optional(),
      repo: z.string().max(512).optional(),
    })
    .strict(),
  'token.remove': z.object({ host, account: z.string().min(1).max(256).optional() }).strict(),
  'token.rotate': z
    .object({
      host,
      token: z.string().min(1).max(4096),
      account: z.string().min(1).max(256).optional(),
      module: z.string().max(512).optional(),
      repo: z.string().max(512).optional(),
      revoke: z.boolean().optional(),
    })
    .strict(),
  'onboard.plan': onboardInput(),
  'onboard.apply': onboardInput(),
} as const;

function onboardInput() {
  return z
    .object({
      handle: z.string().regex(/^[0-9a-f-]{36}$/),
      consent: z
        .object({ acceptWarnings: z.boolean(), overrides: z.array(z.string().max(200)).max(100) })
        .strict(),
      login: z.string().min(1).max(256).optional(),
      /** pasted by the person; held in main, never echoed back */
      token: z.string().min(1).max(4096).optional(),
      sshKeyFile: z.string().min(1).max(4096).optional(),
    })
    .strict();
}

export type Method = keyof typeof inputs;
export const methods = Object.keys(inputs) as Method[];
export type Input<M extends Method> = z.input<(typeof inputs)[M]>;

export interface Outputs {
  'app.info': AppInfo;
  'status.read': StatusView;
  'route.explain': RouteExplanation;
  'explain.text': ExplainResult;
  'doctor.run': DoctorReport;
  'fix.plan': FixPlanView;
  'plan.setGoEnv': PlanView;
  'plan.setGitConfig': PlanView;
  'plan.apply': { journalId: string; files: string[] };
  'plan.discard': { discarded: boolean };
  'journal.history': HistoryView;
  'journal.undo': UndoView;
  'verify.run': VerifyRunView;
  'verify.cancel': { cancelled: boolean };
  'profile.presets': { presets: { name: string; title: string; description: string }[] };
  'profile.open': ProfileOpenView;
  'secrets.list': import('../core/credentials/secrets-view').SecretsView;
  'token.add': {
    journalId?: string;
    plan: PlanView;
    problems: { severity: string; message: string; hint?: string }[];
    notes: string[];
    checkedWith: string[];
    storeLabel: string;
  };
  'token.remove': { journalId?: string; removed: { host: string; account: string }[]; notes: string[] };
  'token.rotate': import('../core/credentials/rotate').RotateResult;
  'onboard.plan': OnboardPlanView;
  'onboard.apply': OnboardApplyView;
}
export type Output<M extends Method> = Outputs[M];

export type Reply<M extends Method> = { ok: true; value: Output<M> } | { ok: false; error: ErrorData };

/** Events main pushes to the renderer (progress, live terminal lines). */
export interface Events {
  'doctor.progress': {
    check: string;
    subject: string;
    state: 'start' | 'ok' | 'failed';
    durationMs?: number;
  };
  'verify.event': VerifyEventView;
  'verify.step': VerifyStepView;
  'journal.changed': { journalId: string };
  /** an onramp://import?url=… deep link, validated (https only); answer with profile.open({ source: url }) */
  'deeplink.import': { url: string };
}
export type EventName = keyof Events;
export const eventNames: EventName[] = [
  'doctor.progress',
  'verify.event',
  'verify.step',
  'journal.changed',
  'deeplink.import',
];

/** The client every transport implements; the renderer only ever sees this. */
export interface OnrampClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Reply<M>>;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
}
