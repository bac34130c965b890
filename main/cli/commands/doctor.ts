// `onramp doctor [--json] [--module M]… [--host H]… [--timeout MS]`
import { usageError } from '../../common/errors';
import type { DoctorReport, Finding } from '../../common/doctor-report';
import { parseArgs, flagBool, flagList, flagString, type CommandSpec } from '../args';
import { printJson, type CliIo } from '../io';
import { runDoctor } from '../../core/doctor/index';
import type { Command } from './index';

const spec: CommandSpec = {
  usage: 'onramp doctor [--module M]… [--host H]… [--timeout MS] [--json]',
  flags: {
    json: {},
    module: { value: true, multiple: true },
    host: { value: true, multiple: true },
    timeout: { value: true },
  },
  positionals: [0, 0],
};

const mark = { error: '✗', warning: '!', ok: '✓' } as const;

function printFinding(io: CliIo, f: Finding, primary: boolean): void {
  if (f.severity === 'ok') {
    io.out(`${mark.ok} ${f.title}\n`);
    return;
  }
  const where = [f.module, f.module ? undefined : f.host].filter(Boolean).join(' ');
  io.out(`${mark[f.severity]} ${f.id}${where ? `  ${where}` : ''}${primary ? '  ← root cause' : ''}\n`);
  io.out(`    ${f.title}\n`);
  for (const e of f.evidence) io.out(`    │ ${e}\n`);
  if (f.explanation) io.out(`    ${f.explanation}\n`);
  for (const x of f.fixes)
    io.out(`    → fix ${x.id}: ${x.title}${x.needsInput ? ` (needs ${x.needsInput})` : ''}\n`);
}

export function printDoctor(io: CliIo, r: DoctorReport): void {
  io.out(
    `Checked ${r.modules.length} module(s) on ${r.hosts.length} host(s) in ${(r.durationMs / 1000).toFixed(1)} s\n\n`,
  );
  let first = true;
  for (const f of r.findings) {
    printFinding(io, f, first && f.severity === 'error' && f.id === r.primary);
    if (f.severity === 'error') first = false;
  }
  io.out(
    r.primary
      ? `\nRoot cause: ${r.primary}. Apply a fix with: onramp fix --all\n`
      : '\nEverything checked is green.\n',
  );
}

export const doctorCommand: Command = {
  summary: 'check every layer for the current module (or --module/--host) and name the root cause',
  spec,
  async run(argv, io) {
    const a = parseArgs(argv, spec);
    const t = flagString(a, 'timeout');
    const timeoutMs = t === undefined ? undefined : Number(t);
    if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0))
      throw usageError('--timeout takes milliseconds, e.g. --timeout 5000');
    const json = flagBool(a, 'json');
    const report = await runDoctor({
      env: io.env,
      cwd: io.cwd,
      modules: flagList(a, 'module'),
      hosts: flagList(a, 'host'),
      timeoutMs,
      onProgress: json
        ? undefined
        : (p) => p.type === 'check-end' && !p.ok && io.err(`  … ${p.check} ${p.subject}: failed\n`),
    });
    if (json)
      printJson(io, {
        primary: report.primary,
        findings: report.findings,
        modules: report.modules,
        hosts: report.hosts,
        durationMs: Math.round(report.durationMs),
      });
    else printDoctor(io, report);
    return report.primary ? 1 : 0;
  },
};
