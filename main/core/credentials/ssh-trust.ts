// `onramp ssh trust <host>`: fetch the host's keys with ssh-keyscan, show their fingerprints, and
// add them to ~/.ssh/known_hosts only when they match a pinned fingerprint (the host's published
// ones, or the team profile's), or when the person confirms the exact fingerprint they checked
// (--accept SHA256:…). A known_hosts entry that disagrees with the host is reported, never
// replaced: that is what a man-in-the-middle looks like. Onramp never writes
// StrictHostKeyChecking no or UserKnownHostsFile /dev/null (ssh-config-edit.ts refuses both).
import { publishedHostKeys } from '../../common/credentials/host-kinds';
import { OnrampError } from '../../common/errors';
import type { FileEditStep } from '../../common/plan';
import { applyPlan } from '../apply';
import { pathsOf, type Env } from '../paths';
import { buildPlan, type BuiltPlan } from '../planner';
import { readTextIfExists } from '../requests/read-text';
import { sshEffectiveConfig } from '../ssh-effective-config';
import { findKnownHost, knownHostsName, sshFingerprint } from '../ssh-known-hosts';
import { baseToolEnv, runTool } from '../tool-runner';
import { checkHost } from './token-check';

export interface ScannedKey {
  type: string;
  blob: string;
  fingerprint: string;
  /** matches a pinned fingerprint */
  pinned: boolean;
}

export interface TrustResult {
  host: string;
  /** what ssh connects to (after HostName/Port from ~/.ssh/config) */
  target: { hostname: string; port: number; knownHostsName: string };
  keys: ScannedKey[];
  pinsFrom: string[];
  status: 'already-trusted' | 'added' | 'needs-confirmation';
  plan?: BuiltPlan;
  journalId?: string;
}

export interface TrustOptions {
  host: string;
  /** fingerprints from the team profile (SHA256:…) */
  pins?: string[];
  /** fingerprints the person checked and confirms */
  accept?: string[];
  dryRun?: boolean;
  timeoutMs?: number;
}

/** Parses ssh-keyscan output: `name type base64` lines (comments go to stderr). */
export function parseKeyscan(stdout: string): { type: string; blob: string }[] {
  const out: { type: string; blob: string }[] = [];
  for (const line of stdout.split('\n')) {
    const [, type, blob] = line.trim().split(/\s+/);
    if (type && blob && !line.startsWith('#') && /^[A-Za-z0-9+/]+=*$/.test(blob)) out.push({ type, blob });
  }
  return out;
}

export async function trustHost(env: Env, o: TrustOptions): Promise<TrustResult> {
  checkHost(o.host);
  const eff = await sshEffectiveConfig(env, o.host);
  const hostname = eff.ok ? eff.config.hostname : o.host;
  const port = eff.ok ? eff.config.port : 22;
  const alias = eff.ok ? eff.config.options.hostkeyalias?.[0] : undefined;
  const name = alias && alias !== 'none' ? alias : knownHostsName(hostname, port);
  const scan = await runTool(
    'ssh-keyscan',
    [
      '-T',
      String(Math.ceil((o.timeoutMs ?? 10_000) / 1000)),
      '-p',
      String(port),
      '-t',
      'ed25519,ecdsa,rsa',
      '--',
      hostname,
    ],
    { env: baseToolEnv(env), timeoutMs: (o.timeoutMs ?? 10_000) + 5_000 },
  );
  const found = parseKeyscan(scan.stdout);
  if (found.length === 0)
    throw new OnrampError({
      code: 'tool-failed',
      message: `ssh-keyscan got no host key from ${hostname}:${port}: ${scan.stderr.trim().split('\n').at(-1) || 'no answer'}`,
      hint: port === 22 ? 'Port 22 may be blocked: see `onramp ssh test` for the alternatives.' : undefined,
    });
  const pinsFrom: string[] = [];
  const pins = new Set<string>(o.pins ?? []);
  if (o.pins?.length) pinsFrom.push('team profile');
  for (const h of [o.host, hostname]) {
    const published = publishedHostKeys[h.toLowerCase()];
    if (published) {
      published.forEach((fp) => pins.add(fp));
      pinsFrom.push(`${h}'s published fingerprints`);
    }
  }
  const keys: ScannedKey[] = found.map((k) => {
    const fingerprint = sshFingerprint(k.blob);
    return { ...k, fingerprint, pinned: pins.has(fingerprint) };
  });
  const target = { hostname, port, knownHostsName: name };
  const file = pathsOf(env).knownHosts;
  const existing = await findKnownHost(env, hostname, port, [file]);
  if (existing.some((e) => keys.some((k) => k.fingerprint === e.fingerprint) && e.marker !== 'revoked'))
    return { host: o.host, target, keys, pinsFrom, status: 'already-trusted' };
  if (existing.length > 0)
    throw new OnrampError({
      code: 'invalid-input',
      message: `${file} already has a different key for ${name} (${existing.map((e) => e.fingerprint).join(', ')}): the host now shows ${keys.map((k) => k.fingerprint).join(', ')}`,
      hint: 'This is what a man-in-the-middle looks like. Confirm the change with the host’s admins, then `ssh-keygen -R` the old entry.',
      file,
    });

  let chosen: ScannedKey[];
  if (pins.size > 0) {
    chosen = keys.filter((k) => k.pinned);
    if (chosen.length === 0)
      throw new OnrampError({
        code: 'invalid-input',
        message: `none of ${hostname}'s keys match ${pinsFrom.join(' or ')}: ${keys.map((k) => `${k.type} ${k.fingerprint}`).join(', ')}`,
        hint: 'Do not connect: someone may be intercepting the connection, or the pins are out of date.',
      });
  } else {
    const accept = new Set(o.accept ?? []);
    chosen = keys.filter((k) => accept.has(k.fingerprint));
    if (chosen.length === 0) return { host: o.host, target, keys, pinsFrom, status: 'needs-confirmation' };
  }
  const before = readTextIfExists(file);
  const lines = chosen.map((k) => `${name} ${k.type} ${k.blob}\n`).join('');
  const step: FileEditStep = {
    kind: 'file-edit',
    file,
    content: before + (before === '' || before.endsWith('\n') ? '' : '\n') + lines,
    mode: 0o644,
  };
  const plan = await buildPlan(`ssh trust ${name}`, [step], env);
  if (o.dryRun) return { host: o.host, target, keys, pinsFrom, status: 'added', plan };
  const applied = await applyPlan(plan, env);
  return { host: o.host, target, keys, pinsFrom, status: 'added', plan, journalId: applied.id };
}
