// Checks that come before any module's route: tools, module mode, environment overrides, and
// whether the module cache is writable.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finding, fix, type Finding } from '../../common/doctor-report';
import type { DoctorContext } from './context';

export function toolChecks(ctx: DoctorContext): Finding[] {
  const out: Finding[] = [];
  for (const name of ['go', 'git'] as const) {
    const t = ctx.tools.tools.find((x) => x.name === name);
    if (t?.found)
      out.push(
        finding('vcs-missing', 'ok', 'tools', {
          title: `${name} ${t.version ?? ''} found`.trim(),
          evidence: [t.path ?? name],
        }),
      );
    else
      out.push(
        finding('vcs-missing', 'error', 'tools', {
          title: `${name} is not installed or not on PATH`,
          evidence: [`exec: "${name}": executable file not found in $PATH`],
          fixes: name === 'git' ? [fix('install-git')] : [],
        }),
      );
  }
  return out;
}

export function moduleModeCheck(ctx: DoctorContext): Finding[] {
  const mode = ctx.effective('GO111MODULE');
  if (mode !== 'off') return [];
  const s = ctx.goEnv.settings.find((x) => x.key === 'GO111MODULE');
  return [
    finding('modules-off', 'error', 'module-mode', {
      evidence: [`GO111MODULE=off (${s?.winner === 'os' ? 'from the environment' : 'from the go env file'})`],
      explanation: 'go runs in GOPATH mode: GOPROXY, GOPRIVATE and go.mod are ignored.',
      fixes: [fix('enable-modules')],
    }),
  ];
}

/** Shell or IDE exports that override the go env file (each with file:line). */
export function envOverrideFindings(ctx: DoctorContext): Finding[] {
  return ctx.goEnv.problems
    .filter((p) => p.code === 'env-override')
    .map((p) =>
      finding('env-override', 'warning', 'env-override', {
        title: p.message,
        evidence: [p.file ? `${p.file}:${p.line ?? ''} ${p.message}` : p.message],
        explanation: p.hint,
        fixes: p.file
          ? [
              fix('move-shell-export', {
                needsInput: 'confirmation',
                params: { file: p.file, line: String(p.line ?? '') },
              }),
            ]
          : [],
      }),
    );
}

export async function modcacheCheck(ctx: DoctorContext): Promise<Finding[]> {
  const dir = ctx.effective('GOMODCACHE');
  if (!dir) return [];
  const probe = join(dir, 'cache', 'download', `.onramp-probe-${process.pid}`);
  try {
    await mkdir(join(dir, 'cache', 'download'), { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
    return [finding('modcache-permissions', 'ok', 'modcache', { title: `module cache writable: ${dir}` })];
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return [
      finding('modcache-permissions', 'error', 'modcache', {
        evidence: [`${dir}: ${err.code ?? ''} ${err.message}`],
        explanation: 'go cannot write the module cache, so every download fails.',
        fixes: [fix('fix-modcache-permissions', { params: { dir } })],
      }),
    ];
  }
}
