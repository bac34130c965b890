// The options every profile command shares: where the profile comes from (--profile F | URL |
// onramp:// link, or --preset NAME with its answers), how its signature is checked, and for the
// onboarding commands the credential inputs (token from stdin only, never argv).
import { usageError } from '../../common/errors';
import { presetNames, type PresetName } from '../../common/profile/presets';
import { flagBool, flagList, flagString, type FlagSpec, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import { parseTokenInput, type CredentialInput } from '../../core/profile/credentials';
import { loadPreset, loadProfile, type LoadedProfile } from '../../core/profile/load';

export const sourceFlags: Record<string, FlagSpec> = {
  profile: { value: true },
  preset: { value: true },
  url: { value: true },
  org: { value: true },
  protocol: { value: true },
  'ssh-fingerprint': { value: true, multiple: true },
  'test-module': { value: true },
  'allowed-signers': { value: true },
  'ca-file': { value: true },
  json: {},
};

export const credentialFlags: Record<string, FlagSpec> = {
  'ssh-key': { value: true },
  login: { value: true },
  'token-stdin': {},
};

export const sourceUsage =
  '(--profile FILE|URL|onramp://import?url=… [--allowed-signers FILE] [--ca-file PEM] | --preset NAME [--url U] [--org O] [--protocol https|ssh] [--ssh-fingerprint SHA256:…] [--test-module M@V])';

export async function loadFromArgs(a: ParsedArgs, io: CliIo): Promise<LoadedProfile> {
  const profile = flagString(a, 'profile') ?? a.positionals[0];
  const preset = flagString(a, 'preset');
  if (profile && preset) throw usageError('give --profile or --preset, not both');
  if (preset) {
    if (!(presetNames as readonly string[]).includes(preset))
      throw usageError(`unknown preset ${JSON.stringify(preset)}`, `presets: ${presetNames.join(', ')}`);
    const protocol = flagString(a, 'protocol');
    if (protocol !== undefined && protocol !== 'https' && protocol !== 'ssh')
      throw usageError('--protocol is https or ssh');
    return loadPreset(preset as PresetName, {
      url: flagString(a, 'url'),
      org: flagString(a, 'org'),
      protocol,
      sshFingerprints: flagList(a, 'ssh-fingerprint'),
      testModule: flagString(a, 'test-module'),
    });
  }
  if (!profile) throw usageError('which profile? give --profile FILE|URL or --preset NAME');
  return loadProfile(profile, io.env, {
    cwd: io.cwd,
    allowedSigners: flagString(a, 'allowed-signers'),
    caFile: flagString(a, 'ca-file'),
  });
}

export async function credentialsFromArgs(a: ParsedArgs, io: CliIo): Promise<CredentialInput> {
  const login = flagString(a, 'login');
  const tokens = flagBool(a, 'token-stdin') ? parseTokenInput(await io.readStdin()) : {};
  return { ...tokens, ...(login ? { login } : {}) };
}
