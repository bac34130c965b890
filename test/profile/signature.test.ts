// Profile signatures with the real ssh-keygen -Y: a good signature names the signer and key;
// a changed byte, another namespace, or a key the allowed signers do not list is a bad signature
// that blocks applying; no .sig is a warning that needs consent.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConsent } from '../../main/common/profile/review-types';
import { profileCommand } from '../../main/cli/commands/profile';
import { applyCommand } from '../../main/cli/commands/onboard';
import { loadProfile } from '../../main/core/profile/load';
import { verifyProfileSignature } from '../../main/core/profile/signature';
import { reviewLoaded, settingsFor } from '../../main/core/profile/onboard';
import { runToolChecked } from '../../main/core/tool-runner';
import { makeTempHome, type TempHome } from '../helpers/temp-home';
import { snapshotTree } from '../helpers/tree-snapshot';
import { runCmd } from './cli-helpers';
import { baseProfile, text } from './profile-helpers';

let t: TempHome;
let org: { key: string; pub: string; fingerprint: string };
let stranger: { key: string };
let allowed: string;

async function keypair(name: string) {
  const key = join(t.home, name);
  await runToolChecked('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key], {
    env: t.env,
  });
  const fp = (await runToolChecked('ssh-keygen', ['-l', '-f', `${key}.pub`], { env: t.env })).stdout.split(
    ' ',
  )[1] as string;
  return { key, pub: readFileSync(`${key}.pub`, 'utf8').trim(), fingerprint: fp };
}

async function sign(file: string, key: string, namespace = 'onramp-profile') {
  await runToolChecked('ssh-keygen', ['-Y', 'sign', '-f', key, '-n', namespace, file], { env: t.env });
}

function profileFile(name: string, body = text(baseProfile())): string {
  const f = join(t.home, name);
  writeFileSync(f, body);
  return f;
}

beforeAll(async () => {
  t = makeTempHome();
  org = await keypair('platform-team');
  stranger = await keypair('stranger');
  allowed = join(t.home, 'allowed_signers');
  const [type, blob] = org.pub.split(' ');
  writeFileSync(allowed, `platform@acme.example namespaces="onramp-profile" ${type} ${blob}\n`);
});
afterAll(() => t.cleanup());

const status = async (file: string, allowedSigners: string | null = allowed) => {
  const sig = (() => {
    try {
      return readFileSync(`${file}.sig`, 'utf8');
    } catch {
      return undefined;
    }
  })();
  return verifyProfileSignature(readFileSync(file), sig, allowedSigners ?? undefined, t.env);
};

describe('profile signatures', () => {
  it('good: shows the signer and the key fingerprint', async () => {
    const f = profileFile('good.json');
    await sign(f, org.key);
    expect(await status(f)).toEqual({
      state: 'good',
      signer: 'platform@acme.example',
      keyType: 'ED25519',
      fingerprint: org.fingerprint,
    });
  });

  it('one changed byte after signing is a bad signature', async () => {
    const f = profileFile('tampered.json');
    await sign(f, org.key);
    writeFileSync(f, readFileSync(f, 'utf8').replace('"sum.golang.org"', '"off"           '));
    expect(await status(f)).toMatchObject({ state: 'bad' });
  });

  it('a signature made for another namespace (e.g. git commits) is bad', async () => {
    const f = profileFile('namespace.json');
    await sign(f, org.key, 'git');
    const s = await status(f);
    expect(s.state).toBe('bad');
    expect(s.state === 'bad' && s.reason).toMatch(/onramp-profile/);
  });

  it('a key the allowed signers do not list is bad; without allowed signers it is untrusted', async () => {
    const f = profileFile('stranger.json');
    await sign(f, stranger.key);
    const s = await status(f);
    expect(s.state).toBe('bad');
    expect(s.state === 'bad' && s.reason).toContain('does not list');
    const u = await status(f, null);
    expect(u).toMatchObject({ state: 'untrusted', keyType: 'ED25519' });
  });

  it('no .sig: unsigned; garbage .sig: bad', async () => {
    expect(await status(profileFile('plain.json'))).toEqual({ state: 'unsigned' });
    const f = profileFile('garbage.json');
    writeFileSync(`${f}.sig`, 'not a signature');
    expect(await status(f)).toMatchObject({ state: 'bad' });
  });

  it('review: bad blocks without override, unsigned needs consent, good is information', async () => {
    const load = async (name: string, signer?: string) => {
      const f = profileFile(name);
      if (signer) await sign(f, signer);
      const l = await loadProfile(f, t.env, { cwd: t.home, allowedSigners: allowed });
      return reviewLoaded(l, settingsFor(l, t.env), t.env);
    };
    const bad = await load('r-bad.json', stranger.key);
    const c = checkConsent(bad, { acceptWarnings: true, overrides: ['profile-bad-signature'] });
    expect(c.blocked.map((i) => i.id)).toEqual(['profile-bad-signature']);
    const unsigned = await load('r-unsigned.json');
    expect(
      checkConsent(unsigned, { acceptWarnings: false, overrides: [] }).unconsented.map((i) => i.id),
    ).toEqual(['profile-unsigned']);
    const good = await load('r-good.json', org.key);
    expect(good.map((i) => `${i.level} ${i.id}`)).toEqual(['info profile-signed']);
  });

  it('CLI: sign-check prints signer and fingerprint; a bad signature stops apply before any write', async () => {
    const f = profileFile('cli.json');
    await sign(f, org.key);
    const ok = await runCmd(profileCommand, ['sign-check', f, '--allowed-signers', allowed], t.env);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`signed by platform@acme.example (ED25519 key ${org.fingerprint})`);
    writeFileSync(f, readFileSync(f, 'utf8').replace('Acme Corp', 'Acme Corq'));
    const badCheck = await runCmd(profileCommand, ['sign-check', f, '--allowed-signers', allowed], t.env);
    expect(badCheck.code).toBe(1);
    expect(badCheck.out).toContain('BAD SIGNATURE');
    const before = snapshotTree(t.home);
    const r = await runCmd(
      applyCommand,
      ['--profile', f, '--allowed-signers', allowed, '--yes', '--allow', 'profile-bad-signature'],
      t.env,
      {
        stdin: 'x',
      },
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('refused: the signature does not match');
    expect(snapshotTree(t.home)).toEqual(before);
  });
});
