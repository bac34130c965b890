// `onramp route <module> [--probe] [--json]`
import { parseArgs, flagBool, type CommandSpec } from '../args';
import { printJson, type CliIo } from '../io';
import { routeFor } from '../../core/route-service';
import type { RouteExplanation } from '../../common/route';
import type { Command } from './index';

const spec: CommandSpec = {
  usage: 'onramp route <module> [--probe] [--json]',
  flags: { json: {}, probe: {} },
  positionals: [1, 1],
};

function printRoute(io: CliIo, r: RouteExplanation): void {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  io.out(`${r.module}\n`);
  io.out(
    `  private (GOPRIVATE): ${yes(r.private)}   bypasses proxy: ${yes(r.proxyBypassed)}   checksum DB: ${r.sumdbChecked ? r.sumdb : 'skipped'}\n`,
  );
  if (r.error) io.out(`  go will fail: ${r.error}\n`);
  io.out('\n  What go does:\n');
  r.steps.forEach((s, i) => io.out(`    ${i + 1}. ${s}\n`));
  if (r.discovery.skipped) io.out(`\n  Discovery: ${r.discovery.skipped}\n`);
  else if (r.discovery.url)
    io.out(
      `\n  Discovery: ${r.discovery.url}${r.discovery.answer ? ` → ${r.discovery.answer.vcs} ${r.discovery.answer.repoRoot}` : ''}\n`,
    );
  if (r.vcs)
    io.out(
      `  VCS URL:   ${r.vcs.url} (${r.vcs.protocol})${r.vcs.before ? `, rewritten from ${r.vcs.before}` : ''}\n`,
    );
  const n = r.goCredential.netrc;
  io.out(
    `  go's own requests send: ${n?.login ? `netrc login ${n.login} (${n.file})` : 'no credential'}${r.goCredential.goauth ? `; GOAUTH=${r.goCredential.goauth}` : ''}\n`,
  );
  const g = r.gitCredential;
  if (g.helpers)
    io.out(
      `  git credential: ${g.helpers.length ? `helpers ${g.helpers.join(', ')}` : g.netrc?.login ? `netrc login ${g.netrc.login}` : 'none'}\n`,
    );
  if (g.ssh)
    io.out(
      `  ssh: ${g.ssh.user}@${g.ssh.host}:${g.ssh.port}, identities ${g.ssh.identityFiles.join(', ') || 'ssh defaults'}${g.ssh.identitiesOnly ? ' (IdentitiesOnly)' : ''}\n`,
    );
  io.out(
    `  CA: go trusts ${r.ca.go.source}${r.ca.go.files.length ? ` (${r.ca.go.files.join(', ')})` : ''}; git trusts ${r.ca.git.source}${r.ca.git.file ? ` (${r.ca.git.file})` : ''}\n`,
  );
  for (const note of r.notes) io.out(`  note: ${note}\n`);
}

export const routeCommand: Command = {
  summary:
    'explain what go will do to fetch a module: proxy, checksum DB, discovery, VCS URL, credential, CA',
  spec,
  async run(argv, io) {
    const a = parseArgs(argv, spec);
    const route = await routeFor(io.env, a.positionals[0] as string, { probe: flagBool(a, 'probe') });
    if (flagBool(a, 'json')) printJson(io, { ok: true, route });
    else printRoute(io, route);
    return 0;
  },
};
