// Which private key the profile's ssh hosts use. Creating and registering keys is the
// credentials service's job (issue 4); onboarding names an existing key in the managed
// ~/.ssh/config block and tells the person where its public half must be registered.
//
// When no key exists, onboarding generates one through the credentials service
// (ssh-keygen-step.ts); `noKey` tells it so. Uploading the key through the host's API is not done
// here: the person registers the printed public key.
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Profile } from '../../common/profile/schema';
import { webHostOf } from '../../common/profile/settings';
import { pathsOf, type Env } from '../paths';

export interface SshKeyChoice {
  file?: string;
  needs: string[];
  notes: string[];
  /** no key was given and none of the usual ones exists: one may be generated */
  noKey?: boolean;
}

const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

/** The file `onramp ssh keygen HOST` writes by default (a key made for this host comes first). */
export const keygenFileName = (host: string) => `id_ed25519_${host.replace(/[^A-Za-z0-9.-]/g, '_')}`;

export function resolveSshKey(env: Env, profile: Profile, explicit?: string): SshKeyChoice {
  const hosts = profile.hosts.filter((h) => h.protocol === 'ssh');
  if (hosts.length === 0) return { needs: [], notes: [] };
  const { sshDir, home } = pathsOf(env);
  const file = explicit
    ? isAbsolute(explicit)
      ? explicit
      : resolve(home, explicit)
    : [...hosts.map((h) => keygenFileName(webHostOf(h))), ...DEFAULT_KEYS]
        .map((k) => join(sshDir, k))
        .find((f) => existsSync(f));
  const names = hosts.map(webHostOf).join(', ');
  if (!file)
    return {
      needs: [`an SSH key for ${names}: pass --ssh-key FILE (an existing private key), or create one first`],
      notes: [],
      noKey: true,
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
