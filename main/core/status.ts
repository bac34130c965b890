// `onramp status`: every layer read in parallel, each with provenance. A section that cannot be
// read (a malformed file, a missing tool) becomes an error in that section, naming the file
// and line, instead of failing the whole report.
import { readFile } from 'node:fs/promises';
import { toErrorData, type ErrorData } from '../common/errors';
import { parseSshConfig, summarizeSshConfig, type SshConfigSummary } from '../common/ssh-config';
import { redactSecrets } from '../common/redact';
import { readGoEnv, type GoEnvReport } from './go-env-reader';
import { readGitConfig, type GitConfigReading } from './git-config-reader';
import { readNetrc, type NetrcReport } from './netrc-reader';
import { readSsh, type SshReport } from './ssh-reader';
import { readTools, type ToolsReport } from './tools-reader';
import { sshEffectiveConfig, type SshEffectiveConfig } from './ssh-effective-config';
import { pathsOf, type Env } from './paths';

export type Section<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export interface MachineStatus {
  generatedAt: string;
  home: string;
  goEnv: Section<GoEnvReport>;
  /** entries are left out: the summary carries what matters, with secrets redacted */
  git: Section<Omit<GitConfigReading, 'entries'> & { entryCount: number }>;
  netrc: Section<NetrcReport>;
  ssh: Section<SshReport>;
  sshConfig: Section<{ file: string; exists: boolean; summary?: SshConfigSummary }>;
  /** `ssh -G` for each plain Host alias (only when the config is vetted) */
  sshHosts: {
    host: string;
    effective?: Pick<SshEffectiveConfig, 'hostname' | 'user' | 'port' | 'identityFiles' | 'identitiesOnly'>;
    error?: string;
  }[];
  tools: Section<ToolsReport>;
}

async function section<T>(p: Promise<T>): Promise<Section<T>> {
  try {
    return { ok: true, value: await p };
  } catch (e) {
    const error = toErrorData(e);
    return { ok: false, error: { ...error, message: redactSecrets(error.message) } };
  }
}

async function readSshConfigSummary(
  file: string,
): Promise<{ file: string; exists: boolean; summary?: SshConfigSummary }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file, exists: false };
    throw e;
  }
  return { file, exists: true, summary: summarizeSshConfig(parseSshConfig(text, file)) };
}

const plainHost = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

export async function readStatus(env: Env): Promise<MachineStatus> {
  const paths = pathsOf(env);
  const [goEnv, git, netrc, ssh, sshConfig, tools] = await Promise.all([
    section(readGoEnv(env)),
    section(readGitConfig(env).then(({ entries, ...rest }) => ({ ...rest, entryCount: entries.length }))),
    section(readNetrc(env)),
    section(readSsh(env)),
    section(readSshConfigSummary(paths.sshConfig)),
    section(readTools(env)),
  ]);
  const aliases = sshConfig.ok
    ? [
        ...new Set(
          (sshConfig.value.summary?.blocks ?? [])
            .filter((b) => b.kind === 'host')
            .flatMap((b) => b.patterns)
            .filter((p) => plainHost.test(p)),
        ),
      ].slice(0, 20)
    : [];
  const safe = ssh.ok && ssh.value.config.safeForSshG;
  const sshHosts = await Promise.all(
    aliases.map(async (host) => {
      if (!safe) return { host, error: 'ssh -G not run: the ssh config has an unvetted Match exec' };
      const r = await sshEffectiveConfig(env, host);
      if (!r.ok) return { host, error: r.problem.message };
      const { hostname, user, port, identityFiles, identitiesOnly } = r.config;
      return { host, effective: { hostname, user, port, identityFiles, identitiesOnly } };
    }),
  );
  return {
    generatedAt: new Date().toISOString(),
    home: paths.home,
    goEnv,
    git,
    netrc,
    ssh,
    sshConfig,
    sshHosts,
    tools,
  };
}

/** Every problem in the report, for a summary line and the exit code. */
export function statusErrors(s: MachineStatus): ErrorData[] {
  return [s.goEnv, s.git, s.netrc, s.ssh, s.sshConfig, s.tools].flatMap((x) => (x.ok ? [] : [x.error]));
}
