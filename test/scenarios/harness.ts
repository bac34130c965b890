// A developer machine against the sandbox Git host, healthy by default, that a scenario then
// breaks one way. Settings live where a user has them (go env file, ~/.gitconfig, ~/.netrc,
// ~/.ssh), not in OS variables, so fixes written with `go env -w` and `git config` take effect.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { runCli, type CliRun } from '../helpers/cli-run';

export interface Machine {
  sb: Sandbox;
  root: string;
  home: string;
  app: string;
  env: Record<string, string>;
  goenv(...assignments: string[]): void;
  git(...args: string[]): void;
  netrc(lines: string[]): void;
  onramp(argv: string[], stdin?: string): Promise<CliRun>;
  doctor(argv?: string[]): Promise<{
    primary: string | null;
    findings: { id: string; severity: string; fixes: { id: string }[]; evidence: string[] }[];
  }>;
  /** a real `go mod download` of the consumer's requirements, fresh module cache */
  download(): { ok: boolean; output: string };
  /** `go mod download M@V` outside any module: no go.sum, so the checksum DB is consulted */
  fetch(moduleAtVersion: string): { ok: boolean; output: string };
  cleanup(): void;
}

export async function machine(opts: { ssh?: boolean } = {}): Promise<Machine> {
  const sb = await startSandbox();
  const root = mkdtempSync(join(tmpdir(), 'onramp-scn-'));
  const home = join(root, 'home');
  const app = join(root, 'app');
  mkdirSync(home);
  cpSync(sb.consumerDir, app, { recursive: true });
  const env: Record<string, string> = {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C',
    ONRAMP_DATA_DIR: join(root, 'data'),
    GIT_CONFIG_NOSYSTEM: '1',
    GOPATH: join(home, 'go'),
    GOCACHE: join(root, 'gocache'),
    GOTOOLCHAIN: 'local',
    // go has no go-env setting for a CA: SSL_CERT_FILE is how a user trusts one for go
    SSL_CERT_FILE: sb.caFile,
  };
  const run = (cmd: string, args: string[], cwd = home) =>
    execFileSync(cmd, args, { env, cwd, stdio: 'pipe' }).toString();
  const m: Machine = {
    sb,
    root,
    home,
    app,
    env,
    goenv: (...a) => void run('go', ['env', '-w', ...a]),
    git: (...a) => void run('git', ['config', '--global', ...a]),
    netrc: (lines) =>
      writeFileSync(join(home, '.netrc'), lines.map((l) => `${l}\n`).join(''), { mode: 0o600 }),
    onramp: (argv, stdin = '') => runCli(argv, { ...env }, stdin, app),
    async doctor(argv = []) {
      const r = await runCli(['doctor', '--json', '--timeout', '4000', ...argv], { ...env }, '', app);
      return JSON.parse(r.out);
    },
    download: () => goDownload(['mod', 'download'], app),
    fetch: (mv) => goDownload(['mod', 'download', '-json', mv], root),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  function goDownload(args: string[], cwd: string): { ok: boolean; output: string } {
    try {
      const out = execFileSync('go', args, {
        env: { ...env, GOMODCACHE: mkdtempSync(join(root, 'mc-')), GOFLAGS: '-modcacherw' },
        cwd,
        stdio: 'pipe',
      });
      return { ok: true, output: out.toString() };
    } catch (e) {
      const err = e as { stderr?: Buffer };
      const e2 = e as { stderr?: Buffer; stdout?: Buffer };
      return { ok: false, output: `${e2.stdout?.toString() ?? ''}${err.stderr?.toString() ?? String(e)}` };
    }
  }
  // healthy: private hosts covered, public proxy/sumdb imitations for the rest, CA for git,
  // alice's token for the HTTPS hosts
  m.goenv(
    'GOPRIVATE=*.corp.test',
    'GOPROXY=https://proxy.golang.test,direct',
    `GOSUMDB=sum.golang.org ${sb.sumdbUrl}`,
  );
  for (const h of [sb.hosts.git, sb.hosts.git2, sb.hosts.proxy])
    m.git(`http.https://${h}/.sslCAInfo`, sb.caFile);
  m.netrc(
    [sb.hosts.git, sb.hosts.git2, sb.hosts.proxy].map(
      (h) => `machine ${h} login alice password ${sb.users.alice.token}`,
    ),
  );
  if (opts.ssh) {
    const sshDir = join(home, '.ssh');
    mkdirSync(sshDir, { mode: 0o700 });
    const key = join(sshDir, 'id_ed25519');
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'scenario', '-f', key]);
    writeFileSync(join(sshDir, 'known_hosts'), `${sb.ssh.knownHostsLine}\n`);
    writeFileSync(
      join(sshDir, 'config'),
      `Host ${sb.ssh.host}\n  User git\n  IdentityFile ${key}\n  IdentitiesOnly yes\n  UserKnownHostsFile ${join(sshDir, 'known_hosts')}\n`,
    );
    chmodSync(join(sshDir, 'config'), 0o600);
    // ssh takes ~ from the passwd entry, not $HOME: point it at this HOME's config explicitly
    env.GIT_SSH_COMMAND = `ssh -F ${join(sshDir, 'config')} -o BatchMode=yes -o ConnectTimeout=4`;
    // repos live in the git user's home: the scp-like form addresses them relative to it
    m.git(`url.git@${sb.ssh.host}:.insteadOf`, `https://${sb.ssh.host}/`);
  }
  return m;
}

export function publicKeyOf(m: Machine): string {
  return execFileSync('cat', [join(m.home, '.ssh', 'id_ed25519.pub')])
    .toString()
    .trim();
}
