// A healthy developer machine against the sandbox, the way test/scenarios/harness.ts builds
// one: settings where a user keeps them (go env file, ~/.gitconfig, ~/.netrc), not in OS
// variables, and an environment built from scratch (this machine exports GIT_SSL_CAINFO and
// SSL_CERT_FILE globally).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../test/sandbox/sandbox';

export interface ClientHome {
  root: string;
  home: string;
  /** a directory with no go.mod, for doctor runs on explicit modules */
  work: string;
  env: Record<string, string>;
  cleanup(): void;
}

/** A fresh HOME with nothing configured: PATH, HOME, caches and the CA for go only. */
export function bareHome(prefix = 'onramp-bench-'): ClientHome {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const home = join(root, 'home');
  const work = join(root, 'work');
  mkdirSync(home);
  mkdirSync(work);
  const env: Record<string, string> = {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C',
    ONRAMP_DATA_DIR: join(root, 'data'),
    GIT_CONFIG_NOSYSTEM: '1',
    GOPATH: join(home, 'go'),
    GOCACHE: join(root, 'gocache'),
    GOTOOLCHAIN: 'local',
  };
  return { root, home, work, env, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A machine on which every sandbox module on git/git2 fetches: the baseline for doctor and verify. */
export function healthyHome(sb: Sandbox): ClientHome {
  const c = bareHome();
  // go has no go-env setting for a CA: SSL_CERT_FILE is how a user trusts one for go
  c.env.SSL_CERT_FILE = sb.caFile;
  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { env: c.env, cwd: c.home, stdio: 'pipe' });
  run('go', [
    'env',
    '-w',
    'GOPRIVATE=*.corp.test',
    `GOPROXY=${sb.publicProxyUrl},direct`,
    `GOSUMDB=sum.golang.org ${sb.sumdbUrl}`,
  ]);
  for (const h of [sb.hosts.git, sb.hosts.git2, sb.hosts.proxy])
    run('git', ['config', '--global', `http.https://${h}/.sslCAInfo`, sb.caFile]);
  const hosts = [sb.hosts.git, sb.hosts.git2, sb.hosts.proxy];
  writeFileSync(
    join(c.home, '.netrc'),
    hosts.map((h) => `machine ${h} login alice password ${sb.users.alice.token}\n`).join(''),
    { mode: 0o600 },
  );
  return c;
}
