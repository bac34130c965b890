// Pins a profile host's SSH key in ~/.ssh/known_hosts. go runs ssh with BatchMode=yes, so an
// unknown host key is a hard failure, and the usual fix (StrictHostKeyChecking no, or accepting
// whatever key answers first) is exactly what an attacker on the network wants. The profile
// publishes the key (used as-is) or its fingerprints (ssh-keyscan's answer is kept only if it
// matches one); anything else stops onboarding before a file is written.
import { OnrampError } from '../../common/errors';
import type { KnownHostPin } from '../../common/profile/settings';
import type { Env } from '../paths';
import { findKnownHost, knownHostsName, parseKnownHostsLine, sshFingerprint } from '../ssh-known-hosts';
import { runTool } from '../tool-runner';

export interface PinnedKeys {
  /** known_hosts lines to add */
  lines: string[];
  fingerprints: string[];
}

const blobOf = (key: string) => key.split(' ')[1] ?? '';

/** Fingerprints the profile accepts for a host (published ones plus those of published keys). */
export function acceptedFingerprints(pin: KnownHostPin): Set<string> {
  return new Set([...pin.fingerprints, ...pin.hostKeys.map((k) => sshFingerprint(blobOf(k)))]);
}

/** Whether known_hosts already holds an accepted key for the host (and which lines disagree). */
export async function knownHostState(
  pin: KnownHostPin,
  env: Env,
  file: string,
): Promise<{ pinned: boolean; otherKeys: { line: number; fingerprint: string }[] }> {
  const accepted = acceptedFingerprints(pin);
  const matches = (await findKnownHost(env, pin.host, pin.port, [file])).filter((m) => !m.marker);
  return {
    pinned: matches.some((m) => accepted.has(m.fingerprint)),
    otherKeys: matches
      .filter((m) => !accepted.has(m.fingerprint))
      .map((m) => ({ line: m.line, fingerprint: m.fingerprint })),
  };
}

/** Parses ssh-keyscan output into [keyType, base64] pairs. */
export function parseKeyscan(stdout: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of stdout.split('\n')) {
    const e = parseKnownHostsLine(line);
    if (!e || e === 'invalid' || e.marker) continue;
    const fields = line.trim().split(/\s+/);
    out.push([fields[1] as string, fields[2] as string]);
  }
  return out;
}

/** The known_hosts lines to add for a pin: the published keys, or matching ssh-keyscan results. */
export async function pinnedKeyLines(pin: KnownHostPin, env: Env): Promise<PinnedKeys> {
  const name = knownHostsName(pin.host, pin.port);
  if (pin.hostKeys.length > 0)
    return {
      lines: pin.hostKeys.map((k) => `${name} ${k}`),
      fingerprints: pin.hostKeys.map((k) => sshFingerprint(blobOf(k))),
    };
  // ssh-keyscan reads no ssh config (no ProxyCommand, no Match exec): safe on any machine.
  const r = await runTool('ssh-keyscan', ['-T', '10', '-p', String(pin.port), pin.host], {
    env: { PATH: env.PATH, LC_ALL: 'C', LANG: 'C' },
    timeoutMs: 30_000,
  });
  const keys = parseKeyscan(r.stdout);
  if (keys.length === 0)
    throw new OnrampError({
      code: 'tool-failed',
      message: `could not read the SSH host key of ${name}: ${r.stderr.trim().split('\n').at(-1) || 'no answer'}`,
      hint: 'Check that the host is reachable on that port, then try again.',
    });
  const accepted = acceptedFingerprints(pin);
  const good = keys.filter(([, blob]) => accepted.has(sshFingerprint(blob)));
  if (good.length === 0)
    throw new OnrampError({
      code: 'invalid-input',
      message: `the SSH host key of ${name} does not match the profile: the server presented ${keys
        .map(([t, b]) => `${t} ${sshFingerprint(b)}`)
        .join(', ')}; the profile publishes ${[...accepted].join(', ')}`,
      hint: 'Someone may be intercepting the connection, or the profile is out of date. Nothing was changed; ask your admin.',
    });
  return {
    lines: good.map(([t, b]) => `${name} ${t} ${b}`),
    fingerprints: good.map(([, b]) => sshFingerprint(b)),
  };
}
