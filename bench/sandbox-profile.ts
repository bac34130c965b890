// The team profile a company running the sandbox's two Git hosts would publish: both hosts over
// HTTPS with their private CA, git2's discovery behind auth (GitLab-style), everything on
// *.corp.test private, and one test module per host. Logins are personal (the sandbox users),
// so the profile does not name one.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../test/sandbox/sandbox';

export function sandboxProfile(sb: Sandbox): Record<string, unknown> {
  const ca = readFileSync(sb.caFile, 'utf8');
  return {
    version: 1,
    id: 'sandbox-corp',
    name: 'Sandbox Corp',
    hosts: [
      { kind: 'gitlab', webUrl: `https://${sb.hosts.git}`, protocol: 'https', caCertificate: ca },
      {
        kind: 'gitlab',
        webUrl: `https://${sb.hosts.git2}`,
        protocol: 'https',
        caCertificate: ca,
        discoveryNeedsAuth: true,
      },
    ],
    modules: { private: ['*.corp.test'] },
    publicMirror: 'proxy.golang.org',
    sumdb: 'sum.golang.org',
    testModules: [
      { module: sb.repos.lib.module, version: 'v1.2.0' },
      { module: sb.repos.tool.module, version: 'v0.2.0' },
    ],
  };
}

/** Writes the profile as a file a person would be handed (or open from a link); returns its path. */
export function writeSandboxProfile(sb: Sandbox, dir: string): string {
  const file = join(dir, 'sandbox-corp.onramp.json');
  writeFileSync(file, `${JSON.stringify(sandboxProfile(sb), null, 2)}\n`);
  return file;
}
