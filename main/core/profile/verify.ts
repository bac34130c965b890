// The last step of onboarding: `go mod download` of each of the profile's test modules with a
// fresh module cache (a cached module cannot hide a broken fetch), in the environment the
// person's shell will have. go has no go-env setting for a CA, so when the profile brings one
// the run adds the SSL_CERT_DIR export Onramp tells the person to add (see caExportLine).
import { explainOutput } from '../../common/explain/index';
import { redactSecrets } from '../../common/redact';
import type { Env } from '../paths';
import { runVerification, type VerifyEvent, type VerifyRunResult } from '../verify/runner';
import { writeLastFailure } from './onboard-record';

// Where go 1.19 looks for CA directories on Linux when SSL_CERT_DIR is unset
// (crypto/x509/root_linux.go certDirectories); setting SSL_CERT_DIR replaces that list.
const LINUX_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];

/**
 * SSL_CERT_DIR with the CA directory added. go reads every file in each listed directory and
 * still reads its default bundle file, so public sites keep working and nothing goes stale when
 * the system store is updated (a combined bundle file would). OpenSSL tools ignore files there
 * that are not named by hash, so the extra directory does not change what they trust.
 */
export function certDirValue(env: Env, caDir: string): string {
  const current = env.SSL_CERT_DIR ? env.SSL_CERT_DIR.split(':') : LINUX_CERT_DIRS;
  return [...current.filter((d) => d !== caDir), caDir].join(':');
}

export function caExportLine(env: Env, caDir: string): string {
  return `export SSL_CERT_DIR="${certDirValue(env, caDir)}"`;
}

export interface ProfileVerifyOptions {
  env: Env;
  modules: readonly string[];
  /** the CA directory to add to SSL_CERT_DIR, when the profile brings a CA */
  caDir?: string;
  secrets?: readonly string[];
  onEvent?: (e: VerifyEvent) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export async function verifyTestModules(opts: ProfileVerifyOptions): Promise<VerifyRunResult> {
  const env: Env = { ...opts.env };
  if (opts.caDir) env.SSL_CERT_DIR = certDirValue(opts.env, opts.caDir);
  const result = await runVerification(
    opts.modules.map((module) => ({ kind: 'go-mod-download' as const, module })),
    {
      env,
      secrets: opts.secrets,
      onEvent: opts.onEvent,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs ?? 120_000,
      freshModCache: true,
    },
  );
  const failed = result.steps.find((s) => !s.ok);
  if (failed) {
    const cause = explainOutput(failed.lines.join('\n')).causes[0];
    await writeLastFailure(opts.env, {
      at: new Date().toISOString(),
      command: redactSecrets(failed.title, opts.secrets),
      exitCode: failed.exitCode,
      ...(cause ? { rootCause: cause.id, rootCauseTitle: cause.title } : {}),
      lines: failed.lines.slice(-40).map((l) => redactSecrets(l, opts.secrets)),
    });
  }
  return result;
}
