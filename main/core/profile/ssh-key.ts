// Which private key the profile's ssh hosts use. Creating and registering keys is the
// credentials service's job (issue 4); onboarding names an existing key in the managed
// ~/.ssh/config block and tells the person where its public half must be registered.
//
// INTEGRATION POINT (issue 4, main/core/credentials/): when no key exists, offer the
// credentials service's key generation (and, where the host's API allows, upload) instead of
// reporting a missing input.
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Profile } from '../../common/profile/schema';
import { webHostOf } from '../../common/profile/settings';
import { pathsOf, type Env } from '../paths';

export interface SshKeyChoice {
  file?: string;
  needs: string[];
  notes: string[];
}

const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

export function resolveSshKey(env: Env, profile: Profile, explicit?: string): SshKeyChoice {
  const hosts = profile.hosts.filter((h) => h.protocol === 'ssh');
  if (hosts.length === 0) return { needs: [], notes: [] };
  const { sshDir, home } = pathsOf(env);
  const file = explicit
    ? isAbsolute(explicit)
      ? explicit
      : resolve(home, explicit)
    : DEFAULT_KEYS.map((k) => join(sshDir, k)).find((f) => existsSync(f));
  const names = hosts.map(webHostOf).join(', ');
  if (!file)
    return {
      needs: [`an SSH key for ${names}: pass --ssh-key FILE (an existing private key), or create one first`],
      notes: [],
    };
  if (!existsSync(file) || !existsSync(`${file}.pub`))
    return { needs: [`the SSH key ${file} (and ${file}.pub) does not exist`], notes: [] };
  return {
    file,
    needs: [],
    notes: [
      `git will fetch from ${names} over ssh with ${file}: its public key ${file}.pub must be registered with your account there.`,
    ],
  };
}
