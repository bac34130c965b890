// node bin/run-ts.mjs test/sandbox/cli.ts up|down|status|env
//   up      start the sandbox (or report the running one); prints what it serves
//   down    stop it: processes, network namespace, /etc/hosts block
//   status  running or not, and why not; exit 1 when not running
//   env     shell assignments for a demo (CA file, users' tokens, hosts); tokens included
import { readSandbox, sandboxProblems, startSandbox, stopSandbox, type Sandbox } from './sandbox';

function summary(sb: Sandbox): string {
  const repos = Object.values(sb.repos).map(
    (r) =>
      `  ${r.module.padEnd(34)} ${r.tags.join(' ') || '(no tags)'}${r.onlyUser ? ` (only ${r.onlyUser})` : ''}`,
  );
  return [
    `Sandbox running (run dir ${sb.runDir}, started ${sb.startedAt})`,
    `CA file:        ${sb.caFile}`,
    `Users:          alice, bob (tokens: cli.ts env)`,
    `Company proxy:  ${sb.goproxyUrl} (basic auth)`,
    `Public imit.:   ${sb.publicProxyUrl}, ${sb.sumdbUrl} (404; 410 under /gone)`,
    `SSH:            ${sb.ssh.user}@${sb.ssh.host} ${sb.ssh.hostKeyFingerprint}`,
    `Consumer:       ${sb.consumerDir}`,
    `Names:          ${Object.entries(sb.hosts)
      .map(([k, h]) => `${h}=${sb.addresses[k as keyof Sandbox['addresses']]}`)
      .join(' ')}`,
    'Repositories:',
    ...repos,
  ].join('\n');
}

function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

function envLines(sb: Sandbox): string {
  const vars: Record<string, string> = {
    ONRAMP_SANDBOX_CA: sb.caFile,
    ONRAMP_SANDBOX_ALICE_USER: sb.users.alice.user,
    ONRAMP_SANDBOX_ALICE_TOKEN: sb.users.alice.token,
    ONRAMP_SANDBOX_BOB_USER: sb.users.bob.user,
    ONRAMP_SANDBOX_BOB_TOKEN: sb.users.bob.token,
    ONRAMP_SANDBOX_GOPROXY: sb.goproxyUrl,
    ONRAMP_SANDBOX_CONSUMER: sb.consumerDir,
    ONRAMP_SANDBOX_SSH_KNOWN_HOSTS_LINE: sb.ssh.knownHostsLine,
    ONRAMP_SANDBOX_AUTHORIZED_KEYS: sb.ssh.authorizedKeysFile,
  };
  return Object.entries(vars)
    .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
    .join('\n');
}

async function main(): Promise<number> {
  const cmd = process.argv[2];
  switch (cmd) {
    case 'up': {
      const sb = await startSandbox({ onProgress: (l) => process.stderr.write(`sandbox: ${l}\n`) });
      process.stdout.write(summary(sb) + '\n');
      return 0;
    }
    case 'down': {
      const r = await stopSandbox();
      process.stdout.write(r.stopped ? 'Sandbox stopped.\n' : `Sandbox left running: ${r.reason}\n`);
      return 0;
    }
    case 'status': {
      const problems = await sandboxProblems();
      const sb = readSandbox();
      if (problems.length === 0 && sb) {
        process.stdout.write(summary(sb) + '\n');
        return 0;
      }
      process.stdout.write(`Sandbox not running: ${problems.join('; ')}\n`);
      return 1;
    }
    case 'env': {
      const problems = await sandboxProblems();
      const sb = readSandbox();
      if (problems.length > 0 || !sb) {
        process.stderr.write(`Sandbox not running: ${problems.join('; ')}\n`);
        return 1;
      }
      process.stdout.write(envLines(sb) + '\n');
      return 0;
    }
    default:
      process.stderr.write('usage: node bin/run-ts.mjs test/sandbox/cli.ts up|down|status|env\n');
      return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
