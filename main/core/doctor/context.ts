// What every doctor check reads once: go env with provenance, git config, netrc (as go and as
// git/curl read it), tools. Network checks are memoized per host so 32 modules on 2 hosts cost
// 2 TLS handshakes, not 32.
import { readFile } from 'node:fs/promises';
import {
  goLookup,
  goNetrcEntries,
  parseNetrc,
  curlLookup,
  type GoNetrcView,
  type NetrcDocument,
} from '../../common/netrc';
import type { GoRoutingEnv } from '../../common/go-proxy';
import type { GitConfigEntry, GitConfigSummary } from '../../common/git-config-list';
import { credentialConfigForUrl, selectForUrl } from '../../common/git-urlmatch';
import { readGoEnv, type GoEnvReport } from '../go-env-reader';
import { readGitConfig } from '../git-config-reader';
import { readTools, type ToolsReport } from '../tools-reader';
import { pathsOf, type Env } from '../paths';

export interface DoctorContext {
  env: Env;
  cwd: string;
  goEnv: GoEnvReport;
  routing: GoRoutingEnv;
  effective(key: string): string;
  git: { entries: GitConfigEntry[]; summary: GitConfigSummary } | { error: string };
  netrcFile: string;
  goNetrc: GoNetrcView;
  curlNetrc: NetrcDocument | null;
  tools: ToolsReport;
  timeoutMs: number;
  memo<T>(key: string, run: () => Promise<T>): Promise<T>;
}

export async function loadContext(env: Env, cwd: string, timeoutMs: number): Promise<DoctorContext> {
  const paths = pathsOf(env);
  const [goEnv, git, netrcText, tools] = await Promise.all([
    readGoEnv(env, { cwd }),
    readGitConfig(env).then(
      (r) => ({ entries: r.entries, summary: r.summary }),
      (e: Error) => ({ error: e.message }),
    ),
    readFile(paths.netrc, 'utf8').catch(() => ''),
    readTools(env),
  ]);
  let curlNetrc: NetrcDocument | null = null;
  try {
    curlNetrc = parseNetrc(netrcText, paths.netrc);
  } catch {
    curlNetrc = null;
  }
  const effective = (key: string) => goEnv.settings.find((s) => s.key === key)?.effective ?? '';
  const memos = new Map<string, Promise<unknown>>();
  return {
    env,
    cwd,
    goEnv,
    routing: {
      GOPRIVATE: effective('GOPRIVATE'),
      GONOPROXY: effective('GONOPROXY'),
      GONOSUMDB: effective('GONOSUMDB'),
      GOPROXY: effective('GOPROXY'),
      GOSUMDB: effective('GOSUMDB'),
      GOINSECURE: effective('GOINSECURE'),
      GOFLAGS: effective('GOFLAGS'),
      GO111MODULE: effective('GO111MODULE'),
    },
    effective,
    git,
    netrcFile: paths.netrc,
    goNetrc: goNetrcEntries(netrcText),
    curlNetrc,
    tools,
    timeoutMs,
    memo<T>(key: string, run: () => Promise<T>): Promise<T> {
      let p = memos.get(key) as Promise<T> | undefined;
      if (!p) {
        p = run();
        memos.set(key, p);
      }
      return p;
    },
  };
}

/** The credential go's own HTTPS requests would send to host (netrc only on go < 1.24). */
export function goCredential(
  ctx: DoctorContext,
  host: string,
): { login: string; password: string } | undefined {
  const c = goLookup(ctx.goNetrc, host);
  return c ? { login: c.login, password: c.password } : undefined;
}

/** What git has for an HTTPS URL: helpers configured for it, and a netrc entry curl would use. */
export function gitCredentialSources(
  ctx: DoctorContext,
  url: string,
  host: string,
): { helpers: string[]; netrc: boolean } {
  const helpers =
    'entries' in ctx.git ? credentialConfigForUrl(ctx.git.entries, url).helpers.map((h) => h.helper) : [];
  const netrc = ctx.curlNetrc ? curlLookup(ctx.curlNetrc, host) !== null : false;
  return { helpers, netrc };
}

/** CA files go trusts: SSL_CERT_FILE replaces the system roots; empty = system roots. */
export function goCaFiles(ctx: DoctorContext): string[] {
  return ctx.env.SSL_CERT_FILE ? [ctx.env.SSL_CERT_FILE] : [];
}

/** CA file git trusts for url: GIT_SSL_CAINFO beats http.<url>.sslCAInfo; else the system bundle. */
export function gitCaFile(ctx: DoctorContext, url: string): { file?: string; source: string } {
  if (ctx.env.GIT_SSL_CAINFO) return { file: ctx.env.GIT_SSL_CAINFO, source: 'GIT_SSL_CAINFO' };
  if ('entries' in ctx.git) {
    const m = selectForUrl(ctx.git.entries, 'http', 'sslcainfo', url).effective;
    if (m?.entry.value) return { file: m.entry.value, source: m.entry.key };
  }
  return { source: 'system' };
}
