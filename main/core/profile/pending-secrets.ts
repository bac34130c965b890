// The keychain half of onboarding's credential step. A keychain item is not a file, so it cannot
// be in the journaled plan; it is written just before the plan is applied (never while planning)
// under a NEW generation that nothing references until the plan's inventory record does, checked
// with `git ls-remote` through Onramp's helper when the host's API did not already vouch for it,
// and deleted again if the check or the apply fails.
//
// Undo: `onramp undo <id>` restores the files (helper config, netrc, inventory) byte-for-byte and
// leaves the keychain item in place, referenced by no record and therefore never served by the
// helper; `onramp token remove HOST` deletes such left-behind generations, as it does for an
// undone `token add`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretName, SecretStore } from '../credentials/secret-store';
import { checkWithGit } from '../credentials/token-check';
import { OnrampError } from '../../common/errors';
import type { Env } from '../paths';

export interface PendingSecret {
  store: SecretStore;
  name: SecretName;
  token: string;
  host: string;
  account: string;
  generation: string;
  /** a repo on the host for `git ls-remote` (absent: the API checked the token) */
  repo?: string;
  /** the profile's CA for the host: the plan that tells git about it is not applied yet */
  caPem?: string;
}

/** `git ls-remote` through the helper, trusting the profile's CA the way the plan will. */
async function gitCheck(env: Env, p: PendingSecret, repo: string) {
  const override = { host: p.host, account: p.account, store: p.store.kind, generation: p.generation };
  if (!p.caPem) return checkWithGit(env, repo, override, [p.token]);
  const dir = await mkdtemp(join(tmpdir(), 'onramp-check-ca-'));
  try {
    const ca = join(dir, 'ca.pem');
    await writeFile(ca, p.caPem, { mode: 0o600 });
    return await checkWithGit({ ...env, GIT_SSL_CAINFO: ca }, repo, override, [p.token]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Deletes what `writePendingSecrets` wrote; best effort, as a rollback must not throw. */
export async function forgetPendingSecrets(pending: readonly PendingSecret[]): Promise<void> {
  for (const p of pending) await p.store.delete(p.name).catch(() => false);
}

/** Writes each item, then checks it the way git will use it; on any failure deletes them all. */
export async function writePendingSecrets(env: Env, pending: readonly PendingSecret[]): Promise<string[]> {
  const checked: string[] = [];
  try {
    for (const p of pending) await p.store.set(p.name, p.token);
    for (const p of pending) {
      if (!p.repo) continue;
      const g = await gitCheck(env, p, p.repo);
      if (!g.ok)
        throw new OnrampError({
          code: 'invalid-input',
          message: `nothing was applied; the token for ${p.host} failed ${g.via}: ${g.output || 'no output'}`,
          hint: 'Check the token, the login (--login) and that it can read that repository.',
        });
      checked.push(`${g.via}: ok`);
    }
    return checked;
  } catch (err) {
    await forgetPendingSecrets(pending);
    throw err;
  }
}
