// The test Git host the benchmarks run against: started once per process (idempotent, shared with
// any test run through its lease), with the extra bench modules on git.corp.test and
// git2.corp.test. Sections call benchSandbox() each time: a sandbox restarted by another process
// in between loses the bench repos, and this puts them back.
import { startSandbox, type Sandbox } from '../test/sandbox/sandbox';
import { ensureBenchRepos } from '../test/sandbox/bench-repos';

/** Why the sandbox cannot run here, or undefined when it can. */
export function sandboxUnavailable(): string | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0)
    return 'the sandbox Git host needs root (it binds 443/22 on 127.0.0.x and edits /etc/hosts)';
  return undefined;
}

export async function benchSandbox(perHost: number, log: (l: string) => void): Promise<Sandbox> {
  const sb = await startSandbox();
  const created = await ensureBenchRepos(sb, perHost);
  if (created > 0) log(`created ${created} bench module repos in the sandbox`);
  return sb;
}
