// Fixes that touch shell startup files: only with the user's consent (the fix named
// explicitly), one line at a time, shown as a diff first, journaled like every other edit.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileEditStep, Step } from '../../common/plan';
import type { GoEnvReport } from '../go-env-reader';
import { goEnvSteps } from '../requests/go-env';
import { pathsOf, type Env } from '../paths';
import { shellQuote } from '../../common/plan';

type Result =
  { ok: true; title: string; steps: Step[] } | { ok: false; reason: string; needs?: 'confirmation' };

/** Comments out `line` (1-based) of `text`, keeping its line ending; undefined when it is gone. */
export function commentOutLine(
  text: string,
  line: number,
  mustContain: string,
  why: string,
): string | undefined {
  const parts = text.split(/(?<=\n)/);
  const target = parts[line - 1];
  if (target === undefined || !target.includes(mustContain) || /\\\r?\n?$/.test(target)) return undefined;
  const eol = /\r?\n$/.exec(target)?.[0] ?? '';
  parts[line - 1] = `# ${target.slice(0, target.length - eol.length)}  # disabled by onramp: ${why}${eol}`;
  return parts.join('');
}

/** move-shell-export: the go env file keeps the value, the shell export that overrode it goes. */
export async function moveShellExports(
  env: Env,
  goEnv: GoEnvReport,
  keys: string[],
  confirmed: boolean,
): Promise<Result> {
  if (!confirmed)
    return {
      ok: false,
      needs: 'confirmation',
      reason: 'edits a shell startup file: name the fix (onramp fix move-shell-export) to consent',
    };
  const settings = goEnv.settings.filter(
    (s) => (keys.length === 0 || keys.includes(s.key)) && s.shellExports.length > 0,
  );
  if (settings.length === 0)
    return {
      ok: false,
      reason:
        'the override does not come from a startup file Onramp reads (IDE or session environment): unset it there',
    };
  const edits = new Map<string, string>();
  const keep: { key: string; value: string }[] = [];
  for (const s of settings) {
    for (const e of s.shellExports) {
      const text = edits.get(e.file) ?? (await readFile(e.file, 'utf8'));
      const next = commentOutLine(text, e.line, s.key, `${s.key} lives in the go env file`);
      if (next === undefined)
        return {
          ok: false,
          reason: `${e.file}:${e.line} is not a one-line export of ${s.key} any more: edit it by hand`,
        };
      edits.set(e.file, next);
    }
    // The file must hold what the user meant: the exported value unless the file already has one.
    const exported = s.shellExports.at(-1);
    if (s.fileValue === undefined && exported && !exported.dynamic)
      keep.push({ key: s.key, value: exported.value });
  }
  const steps: Step[] = [...edits].map(([file, content]): FileEditStep => ({
    kind: 'file-edit',
    file,
    content,
    mode: 0o644,
  }));
  if (keep.length > 0) steps.push(...(await goEnvSteps(env, keep, [])));
  return {
    ok: true,
    title: `move ${settings.map((s) => s.key).join(', ')} from shell exports to the go env file (takes effect in new shells)`,
    steps,
  };
}

/**
 * set-go-ca: go has no go-env setting for a CA; it reads SSL_CERT_FILE, which REPLACES the
 * system roots. So the bundle is the system roots plus the CA, and ~/.profile exports it.
 */
export async function setGoCa(env: Env, caFile: string | undefined, confirmed: boolean): Promise<Result> {
  if (!caFile) return { ok: false, reason: 'which CA certificate? pass --ca-file FILE' };
  if (!confirmed)
    return {
      ok: false,
      needs: 'confirmation',
      reason: 'edits ~/.profile: name the fix (onramp fix set-go-ca) to consent',
    };
  const ca = await readFile(caFile, 'utf8').catch(() => undefined);
  if (!ca || !ca.includes('BEGIN CERTIFICATE'))
    return { ok: false, reason: `${caFile} is not a PEM certificate` };
  const system = await readFile('/etc/ssl/certs/ca-certificates.crt', 'utf8').catch(() => '');
  const paths = pathsOf(env);
  const bundle = join(paths.dataDir, 'ca', 'go-roots.pem');
  const profile = join(paths.home, '.profile');
  const current = await readFile(profile, 'utf8').catch(() => '');
  const line = `export SSL_CERT_FILE=${shellQuote(bundle)}  # added by onramp: go trusts the system roots plus ${caFile}`;
  const steps: Step[] = [
    { kind: 'file-edit', file: bundle, content: `${system.trimEnd()}\n${ca.trim()}\n`, mode: 0o644 },
  ];
  if (!current.includes(line))
    steps.push({
      kind: 'file-edit',
      file: profile,
      content: `${current}${current === '' || current.endsWith('\n') ? '' : '\n'}${line}\n`,
      mode: 0o644,
    });
  return {
    ok: true,
    title: `go trusts ${caFile} (new shells; this one: export SSL_CERT_FILE=${bundle})`,
    steps,
  };
}
