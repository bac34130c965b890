// A home with the three kinds of targets the change engine handles (a git config file, the go
// env file, a 0600 netrc-like file) and a multi-step plan touching all of them, shared by the
// apply, undo and fault-injection tests.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileState, Step } from '../../main/common/plan';
import { readFileState } from '../../main/core/atomic-file';
import { runTool } from '../../main/core/tool-runner';

export const INITIAL_GITCONFIG = '[user]\n\tname = Test User\n[old]\n\tkey = 1\n\tkey = 2\n';
export const INITIAL_NETRC = 'machine old.example.com login u password OLDSECRET\n';
export const NEW_TOKEN = 'glpat-NEWTOKENabcdefghij123';

export interface EngineHome {
  gitconfig: string;
  /** where ~/.gitconfig's bytes live (differs when it is a symlink) */
  gitconfigTarget: string;
  goenv: string;
  netrc: string;
}

export function seedHome(
  home: string,
  opts: { symlinkGitconfig?: boolean; gitconfigMode?: number } = {},
): EngineHome {
  const gitconfig = join(home, '.gitconfig');
  let gitconfigTarget = gitconfig;
  if (opts.symlinkGitconfig) {
    mkdirSync(join(home, 'dotfiles'), { recursive: true });
    gitconfigTarget = join(home, 'dotfiles', 'gitconfig');
    symlinkSync('dotfiles/gitconfig', gitconfig);
  }
  writeFileSync(gitconfigTarget, INITIAL_GITCONFIG);
  chmodSync(gitconfigTarget, opts.gitconfigMode ?? 0o644);
  const netrc = join(home, '.netrc');
  writeFileSync(netrc, INITIAL_NETRC);
  chmodSync(netrc, 0o600);
  // The go env file starts absent (XDG_CONFIG_HOME=home/.config in makeTempHome).
  return { gitconfig, gitconfigTarget, goenv: join(home, '.config', 'go', 'env'), netrc };
}

/** Seven steps over three files, interleaved so files are finished at different points. */
export function sampleSteps(h: EngineHome): Step[] {
  const corp = 'https://git.corp.example.com/';
  return [
    { kind: 'git-config', file: h.gitconfig, action: 'set', key: 'user.email', value: 'me@corp.example.com' },
    { kind: 'go-env', file: h.goenv, action: 'set', key: 'GOPRIVATE', value: 'corp.example.com' },
    {
      kind: 'git-config',
      file: h.gitconfig,
      action: 'add',
      key: `url.${corp}.insteadOf`,
      value: 'ssh://git@git.corp.example.com/',
    },
    {
      kind: 'file-edit',
      file: h.netrc,
      content: `${INITIAL_NETRC}machine git.corp.example.com login me password ${NEW_TOKEN}\n`,
      mode: 0o600,
      secrets: [NEW_TOKEN],
    },
    { kind: 'git-config', file: h.gitconfig, action: 'unset-all', key: 'old.key' },
    { kind: 'go-env', file: h.goenv, action: 'set', key: 'GONOSUMDB', value: 'corp.example.com' },
    {
      kind: 'git-config',
      file: h.gitconfig,
      action: 'set',
      key: `http.${corp}.sslCAInfo`,
      value: '/etc/ssl/corp.pem',
    },
  ];
}

export async function stateOf(path: string): Promise<FileState> {
  const s = await readFileState(path);
  return { exists: s.exists, sha256: s.sha256, mode: s.mode };
}

export async function statesOf(h: EngineHome): Promise<FileState[]> {
  return Promise.all([h.gitconfig, h.goenv, h.netrc].map(stateOf));
}

export async function git(env: Record<string, string>, args: string[]) {
  return runTool('git', args, { env, cwd: env.HOME });
}

export async function goEnv(env: Record<string, string>, key: string): Promise<string> {
  const r = await runTool('go', ['env', key], { env, cwd: env.HOME });
  return r.stdout.trim();
}
