// Each fix id becomes plan steps — the same plans `onramp set` makes, so every remedy shows
// its diff, is journaled, and can be undone. Fixes that need something doctor cannot choose
// (a token, a confirmation) say so instead of guessing.
import { readFile } from 'node:fs/promises';
import type { Finding, FindingFix } from '../../common/doctor-report';
import type { Step } from '../../common/plan';
import { goEnvSteps } from '../requests/go-env';
import { gitConfigSteps } from '../requests/git-config';
import { netrcSteps } from '../requests/netrc';
import { moveShellExports, setGoCa } from './shell-fixes';
import type { GoEnvReport } from '../go-env-reader';
import type { Env } from '../paths';

export interface FixInput {
  token?: string;
  login?: string;
  caFile?: string;
  /** fixes the user named explicitly may use their confirmation */
  confirmed?: boolean;
}

export type FixPlan =
  | { ok: true; title: string; steps: Step[] }
  | { ok: false; reason: string; needs?: 'token' | 'confirmation' | 'ca-file' };

function addToList(current: string, pattern: string): string {
  const items = current
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.includes(pattern) ? items.join(',') : [...items, pattern].join(',');
}

function fileValue(goEnv: GoEnvReport, key: string): string {
  const s = goEnv.settings.find((x) => x.key === key);
  return s?.fileValue ?? (s?.winner === 'default' ? '' : (s?.effective ?? ''));
}

export async function fixSteps(
  env: Env,
  goEnv: GoEnvReport,
  f: FindingFix,
  finding: Finding,
  input: FixInput,
): Promise<FixPlan> {
  const p = f.params ?? {};
  const host = p.host ?? finding.host;
  switch (f.id) {
    case 'add-goprivate':
    case 'add-gonosumdb': {
      const key = f.id === 'add-goprivate' ? 'GOPRIVATE' : 'GONOSUMDB';
      const pattern = p.pattern ?? finding.module;
      if (!pattern) return { ok: false, reason: 'no module path to add' };
      const assignments = [{ key, value: addToList(fileValue(goEnv, key), pattern) }];
      // GONOPROXY/GONOSUMDB set explicitly do not follow GOPRIVATE: extend them too.
      if (key === 'GOPRIVATE')
        for (const k of ['GONOPROXY', 'GONOSUMDB']) {
          const v = fileValue(goEnv, k);
          if (v !== '') assignments.push({ key: k, value: addToList(v, pattern) });
        }
      return { ok: true, title: `${key} += ${pattern}`, steps: await goEnvSteps(env, assignments, []) };
    }
    case 'add-direct-fallback': {
      const cur = goEnv.settings.find((x) => x.key === 'GOPROXY')?.effective || 'https://proxy.golang.org';
      if (/(^|[,|])direct($|[,|])/.test(cur)) return { ok: false, reason: 'GOPROXY already ends in direct' };
      return {
        ok: true,
        title: 'GOPROXY += ,direct',
        steps: await goEnvSteps(env, [{ key: 'GOPROXY', value: `${cur},direct` }], []),
      };
    }
    case 'enable-modules': {
      const s = goEnv.settings.find((x) => x.key === 'GO111MODULE');
      if (s?.winner === 'os')
        return {
          ok: false,
          reason: 'GO111MODULE=off comes from the environment: remove that export (move-shell-export)',
        };
      return {
        ok: true,
        title: 'GO111MODULE back to its default (on)',
        steps: await goEnvSteps(env, [], ['GO111MODULE']),
      };
    }
    case 'set-git-ca': {
      const ca = input.caFile ?? p.caFile;
      if (!ca)
        return {
          ok: false,
          needs: 'ca-file',
          reason: `which CA certificate signs ${host}? pass --ca-file FILE`,
        };
      if (!host) return { ok: false, reason: 'no host' };
      return {
        ok: true,
        title: `git trusts ${ca} for https://${host}/`,
        steps: gitConfigSteps(env, `http.https://${host}/.sslCAInfo`, ca, 'set'),
      };
    }
    case 'fix-insteadof': {
      if (!p.base || !p.prefix) return { ok: false, reason: 'no rule to remove' };
      return {
        ok: true,
        title: `remove url.${p.base}.insteadOf ${p.prefix}`,
        steps: gitConfigSteps(env, `url.${p.base}.insteadOf`, p.prefix, 'unset'),
      };
    }
    case 'add-netrc-entry':
    case 'replace-credential': {
      if (!host) return { ok: false, reason: 'no host' };
      if (!input.token)
        return {
          ok: false,
          needs: 'token',
          reason: `a token for ${host} (give it on stdin with --token-stdin)`,
        };
      if (!input.login) return { ok: false, needs: 'token', reason: `the login for ${host} (--login)` };
      return {
        ok: true,
        title: `netrc entry for ${host}`,
        steps: netrcSteps(env, host, { login: input.login, password: input.token }),
      };
    }
    case 'move-shell-export':
      return moveShellExports(
        env,
        goEnv,
        (p.keys ?? '').split(',').filter(Boolean),
        input.confirmed ?? false,
      );
    case 'set-go-ca':
      return setGoCa(env, input.caFile ?? p.caFile, input.confirmed ?? false);
    case 'chmod-key-600': {
      if (!p.file) return { ok: false, reason: 'which key file? (not named in the output)' };
      const content = await readFile(p.file).catch(() => undefined);
      if (!content) return { ok: false, reason: `cannot read ${p.file}` };
      // File edits carry text; key files are ASCII (PEM/OpenSSH armour), so the bytes survive.
      if (content.some((b) => b > 0x7e))
        return { ok: false, reason: `${p.file} is not an ASCII key file; chmod 600 it by hand` };
      return {
        ok: true,
        title: `chmod 600 ${p.file}`,
        steps: [
          {
            kind: 'file-edit',
            file: p.file,
            content: content.toString('ascii'),
            mode: 0o600,
            forceMode: true,
          },
        ],
      };
    }
    default:
      return { ok: false, reason: `${f.id} has no automatic plan yet: ${f.title}` };
  }
}
