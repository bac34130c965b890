// Checks a profile's detached signature with ssh-keygen -Y (OpenSSH ≥ 8.1), the authority on its
// own format. Order: find-principals (is the key in the organisation's allowed signers?), then
// verify as that principal in the onramp-profile namespace over the exact bytes. Without an
// allowed-signers file, check-novalidate still says whether the signature is intact and which
// key made it, which is shown but not trusted.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { OnrampError } from '../../common/errors';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PROFILE_SIG_NAMESPACE,
  parseGoodSignature,
  type SignatureStatus,
} from '../../common/profile/signature';
import { redactSecrets } from '../../common/redact';
import { homeOf, type Env } from '../paths';
import { runTool } from '../tool-runner';

const MAX_SIG_BYTES = 16 * 1024;

function keygenEnv(env: Env): Env {
  return { PATH: env.PATH, HOME: homeOf(env), LC_ALL: 'C', LANG: 'C' };
}

const lastLine = (s: string) =>
  redactSecrets(
    s
      .trim()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .at(-1) ?? '',
  );

/**
 * @param message the profile's exact bytes
 * @param signature the .sig text, or undefined when there is none
 * @param allowedSigners path of an allowed_signers file (ssh-keygen(1) ALLOWED SIGNERS)
 */
export async function verifyProfileSignature(
  message: Buffer,
  signature: string | undefined,
  allowedSigners: string | undefined,
  env: Env,
): Promise<SignatureStatus> {
  if (allowedSigners !== undefined && !existsSync(allowedSigners))
    throw new OnrampError({
      code: 'not-found',
      message: `no allowed signers file at ${allowedSigners}`,
      file: allowedSigners,
    });
  if (signature === undefined) return { state: 'unsigned' };
  if (signature.length > MAX_SIG_BYTES || !signature.includes('-----BEGIN SSH SIGNATURE-----'))
    return { state: 'bad', reason: 'The .sig file is not an SSH signature.' };
  const dir = await mkdtemp(join(tmpdir(), 'onramp-sig-'));
  try {
    const sigFile = join(dir, 'profile.sig');
    await writeFile(sigFile, signature, { mode: 0o600 });
    // The tool runner writes stdin as UTF-8: only bytes that survive the round trip can be checked.
    const text = message.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(message))
      return { state: 'bad', reason: 'The profile is not valid UTF-8.' };
    const run = (args: string[]) =>
      runTool('ssh-keygen', args, { env: keygenEnv(env), stdin: text, timeoutMs: 15_000 });
    const intact = await run(['-Y', 'check-novalidate', '-n', PROFILE_SIG_NAMESPACE, '-s', sigFile]);
    const good = intact.code === 0 ? parseGoodSignature(intact.stdout + intact.stderr) : undefined;
    if (!good)
      return {
        state: 'bad',
        reason: `ssh-keygen: ${lastLine(intact.stderr) || 'the signature does not verify'} (namespace ${PROFILE_SIG_NAMESPACE}).`,
      };
    if (allowedSigners === undefined)
      return {
        state: 'untrusted',
        reason: 'No allowed signers file was given (--allowed-signers), so Onramp cannot tell who signed it.',
        keyType: good.keyType,
        fingerprint: good.fingerprint,
      };
    const found = await run(['-Y', 'find-principals', '-s', sigFile, '-f', allowedSigners]);
    const principals = found.code === 0 ? found.stdout.split('\n').filter((l) => l.trim() !== '') : [];
    if (principals.length === 0)
      return {
        state: 'bad',
        reason: `It was made with ${good.keyType} key ${good.fingerprint}, which ${allowedSigners} does not list.`,
      };
    let lastError = '';
    for (const principal of principals) {
      const r = await run([
        '-Y',
        'verify',
        '-f',
        allowedSigners,
        '-I',
        principal,
        '-n',
        PROFILE_SIG_NAMESPACE,
        '-s',
        sigFile,
      ]);
      const ok = r.code === 0 ? parseGoodSignature(r.stdout + r.stderr) : undefined;
      if (ok)
        return {
          state: 'good',
          signer: ok.signer ?? principal,
          keyType: ok.keyType,
          fingerprint: ok.fingerprint,
        };
      lastError = lastLine(r.stderr);
    }
    return { state: 'bad', reason: `ssh-keygen: ${lastError || 'verification failed'}.` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
