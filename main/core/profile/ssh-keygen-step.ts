// When the profile fetches over ssh and this machine has no key (and no --ssh-key was given),
// onboarding makes one through the credentials service's `onramp ssh keygen` (ed25519, no
// passphrase: go runs ssh with BatchMode=yes) instead of stopping. keygenForHost runs as a dry
// run so its files join onboarding's ONE plan (one journal entry, one undo): the private key
// (0600), the .pub and the inventory record. Its ~/.ssh/config step is left out: onboarding's own
// managed Host block for the host names the same IdentityFile (settingsFor gets the key file),
// and two edits of one file computed from the same start would overwrite each other.
import { parseInventory, sshKeyRecords, upsertRecord } from '../../common/credentials/inventory-model';
import { join } from 'node:path';
import type { Step } from '../../common/plan';
import type { Profile } from '../../common/profile/schema';
import { webHostOf } from '../../common/profile/settings';
import { inventoryPath, inventoryStep } from '../credentials/inventory';
import { keygenForHost } from '../credentials/ssh-keygen';
import { pathsOf, type Env } from '../paths';
import { keygenFileName } from './ssh-key';

export interface GeneratedKeyPart {
  file: string;
  steps: Step[];
  todo: string[];
  notes: string[];
}

/** Where a generated key goes: what `onramp ssh keygen HOST` would pick for the first ssh host. */
export function newKeyFile(env: Env, profile: Profile): string | undefined {
  const first = profile.hosts.find((h) => h.protocol === 'ssh');
  return first ? join(pathsOf(env).sshDir, keygenFileName(webHostOf(first))) : undefined;
}

export async function generatedKeyPart(env: Env, profile: Profile, file: string): Promise<GeneratedKeyPart> {
  const hosts = profile.hosts.filter((h) => h.protocol === 'ssh');
  const first = hosts[0];
  const host = first ? webHostOf(first) : '';
  const user = first?.ssh?.user ?? 'git';
  const r = await keygenForHost(env, { host, file, user, dryRun: true, agent: false });
  const sshConfig = pathsOf(env).sshConfig;
  const names = hosts.map(webHostOf).join(', ');
  return {
    file: r.keyFile,
    steps: r.plan.steps.filter((s) => !(s.kind === 'file-edit' && s.file === sshConfig)),
    todo: [`new ed25519 key ${r.keyFile} (${r.fingerprint}) for ${names}, recorded in Onramp's inventory`],
    notes: [
      `Onramp creates the ssh key ${r.keyFile} (${r.fingerprint}, no passphrase; a plan shows a fresh one each time) for ${names}: register its public key with your account there before git can fetch: ${r.publicKey}`,
      ...r.notes,
    ],
  };
}

/**
 * The generated key's steps followed by `rest`, with ONE inventory write: both parts compute the
 * inventory from what is on disk, so a second write would drop the first one's record.
 */
export function withGeneratedKey(env: Env, generated: GeneratedKeyPart | undefined, rest: Step[]): Step[] {
  if (!generated) return rest;
  const file = inventoryPath(env);
  const isInv = (s: Step) => s.kind === 'file-edit' && s.file === file;
  const genInv = generated.steps.find(isInv);
  const restInv = rest.find(isInv);
  if (!genInv || !restInv || genInv.kind !== 'file-edit' || restInv.kind !== 'file-edit')
    return [...generated.steps, ...rest];
  let inv = parseInventory(restInv.content);
  for (const r of sshKeyRecords(parseInventory(genInv.content))) inv = upsertRecord(inv, r);
  const merged = inventoryStep(env, inv);
  return [...generated.steps.filter((s) => !isInv(s)), ...rest.map((s) => (isInv(s) ? merged : s))];
}
