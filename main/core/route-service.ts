// Gathers what the route explainer needs from the real tools (go env -json, git config, the
// netrc file, ssh -G) and, on request, probes `?go-get=1` the way go would.
import { readFile } from 'node:fs/promises';
import { explainRoute, sshTarget, type RouteExplanation, type RouteInput } from '../common/route';
import { goLookup, goNetrcEntries, type GoNetrcView } from '../common/netrc';
import { guessRepoRoot } from '../common/go-repo-root';
import { OnrampError } from '../common/errors';
import { readGoEnv } from './go-env-reader';
import { readGitConfig } from './git-config-reader';
import { sshEffectiveConfig } from './ssh-effective-config';
import { probeGoGet } from './verify/go-get-probe';
import { pathsOf, type Env } from './paths';

export async function readGoNetrc(file: string): Promise<GoNetrcView> {
  try {
    return goNetrcEntries(await readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], stoppedAtLine: null };
    throw new OnrampError({ code: 'io', message: `cannot read ${file}: ${(e as Error).message}`, file });
  }
}

const modulePathRe = /^[A-Za-z0-9][A-Za-z0-9._~+\-/:!]*$/;

export async function routeFor(
  env: Env,
  modulePath: string,
  opts: { probe?: boolean; timeoutMs?: number } = {},
): Promise<RouteExplanation> {
  if (!modulePathRe.test(modulePath) || modulePath.includes('//') || modulePath.endsWith('/'))
    throw new OnrampError({
      code: 'invalid-input',
      message: `not a module path: ${JSON.stringify(modulePath)}`,
      hint: 'e.g. git.corp.example/team/lib',
    });
  const paths = pathsOf(env);
  const [goEnv, git, netrc] = await Promise.all([
    readGoEnv(env),
    readGitConfig(env),
    readGoNetrc(paths.netrc),
  ]);
  const eff = (k: string) => goEnv.settings.find((s) => s.key === k)?.effective ?? undefined;
  const input: RouteInput = {
    modulePath,
    goEnv: {
      GOPRIVATE: eff('GOPRIVATE'),
      GONOPROXY: eff('GONOPROXY'),
      GONOSUMDB: eff('GONOSUMDB'),
      GOPROXY: eff('GOPROXY'),
      GOSUMDB: eff('GOSUMDB'),
      GOINSECURE: eff('GOINSECURE'),
      GOFLAGS: eff('GOFLAGS'),
      GO111MODULE: eff('GO111MODULE'),
    },
    goSupportsGoauth: goEnv.supportsGoauth,
    goauth: eff('GOAUTH'),
    gitEntries: git.entries,
    insteadOf: git.summary.insteadOf,
    netrcFile: paths.netrc,
    netrcLoginFor: (host) => goLookup(netrc, host)?.login ?? null,
    procEnv: {
      SSL_CERT_FILE: env.SSL_CERT_FILE,
      SSL_CERT_DIR: env.SSL_CERT_DIR,
      GIT_SSL_CAINFO: env.GIT_SSL_CAINFO,
      GIT_SSH_COMMAND: env.GIT_SSH_COMMAND,
    },
  };
  const guess = guessRepoRoot(modulePath);
  if (opts.probe && guess.kind === 'dynamic') {
    const host = modulePath.split('/')[0] as string;
    const cred = goLookup(netrc, host);
    const g = await probeGoGet(modulePath, {
      caFiles: env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : [],
      credential: cred ? { login: cred.login, password: cred.password } : undefined,
      timeoutMs: opts.timeoutMs ?? 10_000,
    });
    if (g.match) input.discovered = g.match;
  }
  let route = explainRoute(input);
  const target =
    route.vcs && (route.vcs.protocol === 'ssh' || route.vcs.protocol === 'git+ssh')
      ? sshTarget(route.vcs.url)
      : undefined;
  if (target) {
    const eff = await sshEffectiveConfig(env, target.host, { port: target.port, user: target.user });
    if (eff.ok) {
      const c = eff.config;
      route = explainRoute({
        ...input,
        sshIdentities: () => ({
          files: c.identityFiles,
          identitiesOnly: c.identitiesOnly,
          user: c.user,
          port: c.port,
        }),
      });
    } else route.notes.push(`ssh -G was not run: ${eff.problem.message}`);
  }
  if (!goEnv.goEnvOk) route.notes.push('go env -json did not answer: go defaults were assumed');
  return route;
}
