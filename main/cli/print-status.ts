// `onramp status` as a person reads it: each layer with where its values come from, problems
// last with file:line and what to do.
import type { ErrorData } from '../common/errors';
import type { ReadProblem } from '../common/read-problem';
import type { MachineStatus, Section } from '../core/status';
import type { CliIo } from './io';

const mode = (m?: number) => (m === undefined ? '' : '0' + (m & 0o777).toString(8));
const at = (file?: string, line?: number) => (file ? ` (${file}${line ? `:${line}` : ''})` : '');

function failed(io: CliIo, title: string, e: ErrorData): void {
  io.out(`${title}\n  ✗ ${e.message}\n${e.hint ? `    ${e.hint}\n` : ''}`);
}

function show<T>(io: CliIo, title: string, s: Section<T>, body: (v: T) => void): void {
  if (!s.ok) failed(io, title, s.error);
  else body(s.value);
  io.out('\n');
}

export function printStatus(io: CliIo, s: MachineStatus): void {
  const problems: ReadProblem[] = [];
  show(io, 'Tools', s.tools, (t) => {
    io.out('Tools\n');
    for (const x of t.tools)
      io.out(
        `  ${x.found ? '✓' : '✗'} ${x.name.padEnd(10)} ${x.found ? `${x.version ?? '?'}  ${x.path}` : 'not found'}\n`,
      );
    problems.push(...t.problems);
  });
  show(io, 'Go env', s.goEnv, (g) => {
    io.out(`Go env  ${g.version ? `go ${g.version.raw}` : ''}  file: ${g.envFile ?? 'none (GOENV=off)'}\n`);
    for (const v of g.settings) {
      if (v.effective === null || (v.effective === '' && !v.fileValue && !v.osValue)) continue;
      const from =
        v.winner === 'os'
          ? 'OS environment'
          : v.winner === 'file'
            ? `go env file${v.fileLine ? `:${v.fileLine}` : ''}`
            : v.derivedFrom
              ? `default (from ${v.derivedFrom})`
              : 'default';
      io.out(`  ${v.key.padEnd(11)} = ${v.effective}   [${from}]\n`);
      if (v.winner === 'os' && v.fileValue !== undefined)
        io.out(`  ${''.padEnd(11)}   overrides the file's ${JSON.stringify(v.fileValue)}\n`);
      for (const e of v.shellExports) io.out(`  ${''.padEnd(11)}   exported in ${e.file}:${e.line}\n`);
    }
    problems.push(...g.problems);
  });
  show(io, 'Git config', s.git, (g) => {
    io.out(`Git config  (${g.entryCount} entries)\n`);
    for (const r of g.summary.insteadOf)
      io.out(`  url.${r.baseDisplay}.${r.push ? 'pushInsteadOf' : 'insteadOf'} = ${r.prefix}${at(r.file)}\n`);
    for (const h of g.summary.credentialHelpers)
      io.out(
        `  credential${h.urlScope ? `.${h.urlScope}` : ''}.helper = ${h.reset ? '(reset)' : h.helper}${at(h.file)}\n`,
      );
    for (const h of g.summary.http)
      io.out(`  http${h.url ? `.${h.url}` : ''}.${h.key} = ${h.value ?? ''}${at(h.file)}\n`);
    if (g.summary.sshCommand)
      io.out(`  core.sshCommand = ${g.summary.sshCommand.value ?? ''}${at(g.summary.sshCommand.file)}\n`);
    for (const p of g.summary.problems) io.out(`  ! ${p.key}: ${p.message}${at(p.file)}\n`);
  });
  show(io, 'netrc', s.netrc, (n) => {
    io.out(`netrc  ${n.file}${n.exists ? `  mode ${mode(n.mode)}` : '  (absent)'}\n`);
    for (const m of n.summary?.machines ?? [])
      io.out(
        `  machine ${m.host} login ${m.login ?? '(none)'} ${m.hasPassword ? 'password set' : 'no password'}${m.managed ? '  [onramp]' : ''}  line ${m.line}\n`,
      );
    if (n.summary?.hasDefault) io.out(`  default entry at line ${n.summary.defaultLine}\n`);
    problems.push(...n.problems);
  });
  show(io, 'SSH', s.ssh, (x) => {
    io.out(`SSH  agent: ${x.agent.state}${x.agent.keys.length ? ` (${x.agent.keys.length} keys)` : ''}\n`);
    for (const k of x.keys.keys)
      io.out(
        `  key ${k.file}  ${k.type ?? k.format} ${k.fingerprint ?? ''} mode ${mode(k.mode)}${k.tooOpen ? '  TOO OPEN' : ''}\n`,
      );
    io.out(`  known_hosts: ${x.knownHosts.exists ? `${x.knownHosts.entries.length} entries` : 'absent'}\n`);
    if (!x.config.safeForSshG) io.out('  ssh -G not run: the config has a Match exec that is not vetted\n');
    problems.push(...x.problems);
  });
  if (s.sshConfig.ok && s.sshConfig.value.summary) {
    for (const b of s.sshConfig.value.summary.blocks.filter((b) => b.kind !== 'global'))
      io.out(
        `  ${b.kind === 'host' ? 'Host' : 'Match'} ${b.patterns.join(' ')}${b.managed ? '  [onramp]' : ''}  line ${b.line}\n`,
      );
  } else if (!s.sshConfig.ok) failed(io, '  ~/.ssh/config', s.sshConfig.error);
  for (const h of s.sshHosts)
    io.out(
      h.effective
        ? `  ssh -G ${h.host}: ${h.effective.user}@${h.effective.hostname}:${h.effective.port} identities ${h.effective.identityFiles.join(', ')}\n`
        : `  ssh -G ${h.host}: ${h.error}\n`,
    );
  if (problems.length > 0) {
    io.out('\nProblems\n');
    for (const p of problems)
      io.out(`  ${p.severity === 'error' ? '✗' : '!'} ${p.message}${at(p.file, p.line)}\n    ${p.hint}\n`);
  }
}
