// `onramp doctor`: every module's route checked in order (coverage → network → TLS →
// discovery → insteadOf → auth → content), all modules in parallel, host checks shared. Each
// route stops at its first broken step: that step is the root cause, and what it would break
// further down is not reported again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  orderFindings,
  primaryOf,
  type CheckTiming,
  type DoctorReport,
  type Finding,
} from '../../common/doctor-report';
import { moduleHost } from '../../common/go-repo-root';
import { protocolOf, sshTarget } from '../../common/route';
import type { Env } from '../paths';
import { loadContext, type DoctorContext } from './context';
import { envOverrideFindings, modcacheCheck, moduleModeCheck, toolChecks } from './checks-global';
import { coverageCheck } from './checks-coverage';
import { networkCheck, tlsCheck } from './checks-network';
import { proxyReachability } from './checks-proxy';
import { authCheck, discoveryCheck, rewriteCheck } from './checks-vcs';
import { contentCheck } from './checks-content';
import { mayBePrivate, readRequirements, type DoctorModule } from './targets';
import { limiter } from './limiter';

export type DoctorProgress =
  | { type: 'check-start'; check: string; subject: string }
  | { type: 'check-end'; check: string; subject: string; ok: boolean; durationMs: number };

export interface DoctorOptions {
  env: Env;
  cwd: string;
  modules?: string[];
  hosts?: string[];
  /** per check; default 10 s */
  timeoutMs?: number;
  /** how many tool-running checks at once; default 8 */
  concurrency?: number;
  onProgress?: (p: DoctorProgress) => void;
}

interface RunState {
  ctx: DoctorContext;
  timings: CheckTiming[];
  progress: (p: DoctorProgress) => void;
  limit: <T>(fn: () => Promise<T>) => Promise<T>;
}

async function timed<T extends { findings?: Finding[] } | Finding[]>(
  s: RunState,
  check: string,
  subject: string,
  fn: () => Promise<T>,
): Promise<T> {
  s.progress({ type: 'check-start', check, subject });
  const t0 = performance.now();
  const r = await fn();
  const durationMs = performance.now() - t0;
  s.timings.push({ check, subject, durationMs });
  const fs = Array.isArray(r) ? r : (r.findings ?? []);
  s.progress({ type: 'check-end', check, subject, ok: !fs.some((f) => f.severity === 'error'), durationMs });
  return r;
}

async function moduleRoute(
  s: RunState,
  m: DoctorModule,
  modcache: string,
  inModule: boolean,
): Promise<Finding[]> {
  const out: Finding[] = [];
  const host = moduleHost(m.path);
  // Host checks are memoized: start them now so they overlap the coverage check.
  void networkCheck(s.ctx, host, 443).then((n) =>
    n.blocked ? undefined : tlsCheck(s.ctx, host, { go: true, git: false }),
  );
  const cov = await timed(s, 'coverage', m.path, () => coverageCheck(s.ctx, m));
  out.push(...cov.findings);
  if (cov.findings.some((f) => f.severity === 'error') || !cov.direct) return out;
  const net = await timed(s, 'network', host, () => networkCheck(s.ctx, host, 443));
  out.push(...net.findings);
  if (net.blocked) return out;
  const disc = await timed(s, 'discovery', m.path, async () => {
    const tls = await tlsCheck(s.ctx, host, { go: true, git: false });
    if (tls.blocked) return { ...tls, url: undefined, discoveredRoot: undefined };
    const d = await discoveryCheck(s.ctx, m);
    return { ...d, findings: [...tls.findings, ...d.findings] };
  });
  out.push(...disc.findings);
  if (disc.blocked || !disc.url) return out;
  const rw = rewriteCheck(s.ctx, m, disc.url);
  out.push(...rw.findings);
  if (rw.blocked || !rw.url) return out;
  const url = rw.url;
  const proto = protocolOf(url);
  const vcsHost =
    proto === 'ssh' || proto === 'git+ssh'
      ? sshTarget(url)
      : { host: new URL(url).hostname, port: Number(new URL(url).port) || 443 };
  if (vcsHost) {
    const ssh = proto === 'ssh' || proto === 'git+ssh';
    const port = vcsHost.port ?? 22;
    const vnet = await timed(s, 'network', `${vcsHost.host}:${port}`, () =>
      networkCheck(s.ctx, vcsHost.host, port, ssh),
    );
    out.push(...vnet.findings);
    if (vnet.blocked) return out;
    if (!ssh) {
      const tls = await timed(s, 'tls-git', vcsHost.host, () =>
        tlsCheck(s.ctx, vcsHost.host, { go: false, git: true }),
      );
      out.push(...tls.findings);
      if (tls.blocked) return out;
    }
  }
  // The download runs alongside the auth check; its result counts only when auth passed, so
  // the root cause stays the first broken step while the wall time is the slower of the two.
  const content = timed(s, 'content', m.path, () =>
    s.limit(() => contentCheck(s.ctx, m, modcache, inModule)),
  );
  const auth = await timed(s, 'auth', url, () =>
    s.limit(() => authCheck(s.ctx, m, url, disc.discoveredRoot)),
  );
  out.push(...auth.findings);
  const contentFindings = await content; // awaited either way: the run's module cache is removed after
  if (!auth.blocked) out.push(...contentFindings);
  return out;
}

async function hostChecks(s: RunState, host: string): Promise<Finding[]> {
  const net = await timed(s, 'network', host, () => networkCheck(s.ctx, host, 443));
  if (net.blocked) return net.findings;
  const tls = await timed(s, 'tls', host, () => tlsCheck(s.ctx, host, { go: true, git: true }));
  return [...net.findings, ...tls.findings];
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.id}|${f.severity}|${f.check}|${f.host ?? ''}|${f.module ?? ''}|${f.evidence.join('|')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function runDoctor(opts: DoctorOptions): Promise<DoctorReport> {
  const t0 = performance.now();
  const [ctx, reqs] = await Promise.all([
    loadContext(opts.env, opts.cwd, opts.timeoutMs ?? 10_000),
    readRequirements(opts.env, opts.cwd),
  ]);
  const s: RunState = {
    ctx,
    timings: [],
    progress: opts.onProgress ?? (() => undefined),
    limit: limiter(opts.concurrency ?? 8),
  };
  const findings: Finding[] = [...toolChecks(ctx), ...moduleModeCheck(ctx), ...envOverrideFindings(ctx)];
  const inModule = reqs.module !== undefined && !opts.modules?.length;
  const modules: DoctorModule[] = opts.modules?.length
    ? opts.modules.map((p) => ({
        path: p.split('@')[0] as string,
        version: p.split('@')[1] ?? reqs.requires.find((r) => r.path === p)?.version,
      }))
    : reqs.requires.filter((r) => mayBePrivate(r.path, ctx.routing.GOPRIVATE ?? '') !== 'public');
  const hosts = [...new Set([...(opts.hosts ?? [])])];
  const blocking = findings.some((f) => f.severity === 'error');
  const modcache = await mkdtemp(join(tmpdir(), 'onramp-doctor-'));
  try {
    const results = await Promise.all([
      timed(s, 'modcache', 'GOMODCACHE', () => modcacheCheck(ctx)),
      ...(blocking ? [] : [timed(s, 'proxy', 'GOPROXY/GOSUMDB', () => proxyReachability(ctx))]),
      ...(blocking ? [] : modules.map((m) => moduleRoute(s, m, modcache, inModule))),
      ...hosts.map((h) => hostChecks(s, h)),
    ]);
    findings.push(...results.flat());
  } finally {
    await rm(modcache, { recursive: true, force: true });
  }
  const ordered = orderFindings(dedupe(findings));
  return {
    primary: primaryOf(ordered),
    findings: ordered,
    modules: modules.map((m) => m.path),
    hosts: [...new Set([...hosts, ...modules.map((m) => moduleHost(m.path))])],
    durationMs: performance.now() - t0,
    timings: s.timings,
  };
}
