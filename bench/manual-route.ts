// The manual route to the same green machine: the commands a person would type, derived from
// the same profile's onboarding plan (what it changes, file by file), the shell export it asks
// for, and the test modules. Each entry is one command line; the script form runs them with
// bash so the route is proven to end green (and its machine time measured), with the token and
// login read from the environment, never written into the script.
import { dirname } from 'node:path';
import type { Step } from '../main/common/plan';
import { pathsOf, type Env } from '../main/core/paths';

export interface ManualCommand {
  /** as a person would type it (secrets as $TOKEN / $LOGIN) */
  line: string;
  why: string;
}

export interface ManualRouteInput {
  env: Env;
  steps: readonly Step[];
  /** hosts that get a netrc entry */
  netrcHosts: readonly string[];
  caDir: string;
  /** where the person saved the CA the wiki hands out */
  caSource: string;
  caExport?: string;
  testModules: readonly string[];
}

/** Where a person keeps the CA (Onramp keeps it in its own data directory). */
const MANUAL_CA_DIR = '$HOME/.config/corp-ca';

/** Shell-quotes s; `$HOME` stays expandable. */
function q(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  if (!s.includes('$HOME')) return `'${s.replace(/'/g, `'\\''`)}'`;
  return `"${s.replace(/[\\"`$]/g, '\\$&').replace(/\\\$HOME/g, '$HOME')}"`;
}

export function manualCommands(i: ManualRouteInput): { commands: ManualCommand[]; runnable: boolean } {
  const p = pathsOf(i.env);
  // the person's own paths: under $HOME, the CA where they choose to keep it
  const rel = (v: string) => v.split(i.caDir).join(MANUAL_CA_DIR).split(p.home).join('$HOME');
  const out: ManualCommand[] = [];
  let runnable = true;
  const goEnv = i.steps.filter((s) => s.kind === 'go-env');
  if (goEnv.length > 0)
    out.push({
      line: `go env -w ${goEnv.map((s) => q(rel(`${s.key}=${s.value ?? ''}`))).join(' ')}`,
      why: 'go settings (one command for all keys)',
    });
  for (const s of i.steps.filter((x) => x.kind === 'git-config')) {
    const flag = s.action === 'set' ? '' : ` --${s.action}`;
    out.push({
      line: `git config --global${flag} ${q(s.key)}${s.value !== undefined ? ` ${q(rel(s.value))}` : ''}`,
      why: 'git setting',
    });
  }
  const edits = i.steps.filter((x) => x.kind === 'file-edit');
  let caDirMade = false;
  for (const s of edits) {
    if (s.file === p.netrc) {
      for (const h of i.netrcHosts)
        out.push({
          line: `printf 'machine %s login %s password %s\\n' ${h} "$LOGIN" "$TOKEN" >> ~/.netrc`,
          why: `credential for ${h} (go reads only netrc)`,
        });
      out.push({ line: 'chmod 600 ~/.netrc', why: 'netrc holds secrets' });
    } else if (dirname(s.file) === i.caDir) {
      if (!caDirMade) out.push({ line: `mkdir -p ${q(MANUAL_CA_DIR)}`, why: 'a place for the CA' });
      caDirMade = true;
      out.push({
        line: `cp ${q(i.caSource)} ${q(rel(s.file))}`,
        why: 'save the CA certificate from the wiki',
      });
    } else {
      runnable = false;
      out.push({ line: `$EDITOR ${q(rel(s.file))}`, why: 'edit by hand' });
    }
  }
  if (i.caExport) {
    out.push({ line: `echo ${q(rel(i.caExport))} >> ~/.bashrc`, why: 'go trusts the CA (SSL_CERT_DIR)' });
    out.push({ line: '. ~/.bashrc', why: 'load it into this shell' });
  }
  for (const m of i.testModules) out.push({ line: `go mod download ${q(m)}`, why: 'check it works' });
  return { commands: out, runnable };
}

/** The commands as a bash script (set -e): the manual route, run for real. */
export function manualScript(commands: readonly ManualCommand[]): string {
  return ['set -eu', 'cd "$HOME"', ...commands.map((c) => c.line), ''].join('\n');
}
