// Onboarding over SSH against the sandbox sshd: a key generated in the temp HOME (key creation
// itself belongs to the credentials service), the host key pinned from the profile's published
// fingerprint via ssh-keyscan, git rewritten to ssh. Green at the end, second run 0 changes, undo
// restores HOME byte-for-byte; a fingerprint that does not match stops before any write.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCommand } from '../../main/cli/commands/onboard';
import { runToolChecked } from '../../main/core/tool-runner';
import { runCli } from '../helpers/cli-run';
import { snapshotTree } from '../helpers/tree-snapshot';
import { authorizeKey, revokeKey, startSandbox, type Sandbox } from '../sandbox/sandbox';
import { runCmd } from './cli-helpers';
import { sandboxProfile, shellEnv, sshHomeCommand, writeProfile } from './profile-helpers';

let sb: Sandbox;
let root: string;
const authorized: string[] = [];
beforeAll(async () => {
  sb = await startSandbox();
  root = mkdtempSync(join(tmpdir(), 'onramp-onboard-ssh-'));
});
afterAll(() => {
  for (const k of authorized) revokeKey(k);
  rmSync(root, { recursive: true, force: true });
});

async function machine(name: string) {
  const dir = join(root, name);
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  const key = join(home, '.ssh', 'id_ed25519');
  await runToolChecked('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  const pub = readFileSync(`${key}.pub`, 'utf8').trim();
  const env = shellEnv(home, join(dir, 'data'), join(dir, 'cache'), {
    GIT_SSH_COMMAND: sshHomeCommand(home),
  });
  return { dir, home, key, pub, env };
}

describe('onboarding over SSH', () => {
  it('fresh HOME → green over ssh; second run = 0 changes; undo restores the start byte-for-byte', async () => {
    const m = await machine('ssh');
    authorizeKey(m.pub);
    authorized.push(m.pub);
    const file = writeProfile(m.dir, 'corp.json', sandboxProfile(sb, { protocol: 'ssh' }));
    const start = snapshotTree(m.home);

    const first = await runCmd(applyCommand, ['--profile', file, '--yes', '--json'], m.env);
    const r1 = JSON.parse(first.out);
    expect(r1.verification?.steps?.filter((s: { ok: boolean }) => !s.ok)).toEqual([]);
    expect(first.code).toBe(0);
    expect(r1.notes.join('\n')).toContain(`${m.key}.pub must be registered`);
    // No HTTPS credential exists, and the Git host refuses anonymous HTTPS: the fetch went over ssh.
    expect(existsSync(join(m.home, '.netrc'))).toBe(false);
    expect(readFileSync(join(m.home, '.gitconfig'), 'utf8')).toContain(
      `[url "git@${sb.hosts.git}:"]\n\tinsteadOf = https://${sb.hosts.git}/\n`,
    );
    expect(readFileSync(join(m.home, '.ssh', 'known_hosts'), 'utf8')).toBe(`${sb.ssh.knownHostsLine}\n`);
    const config = readFileSync(join(m.home, '.ssh', 'config'), 'utf8');
    expect(config).toContain(
      `Host ${sb.hosts.git}\n    User git\n    IdentityFile ${m.key}\n    IdentitiesOnly yes\n`,
    );

    const second = await runCmd(applyCommand, ['--profile', file, '--yes', '--json'], m.env);
    expect(JSON.parse(second.out)).toMatchObject({ ok: true, applied: false, changes: 0 });
    expect(second.code).toBe(0);

    expect((await runCli(['undo', r1.journalId], m.env)).code).toBe(0);
    expect(snapshotTree(m.home)).toEqual(start);
  });

  it('a host key that does not match the published fingerprint stops onboarding before any write', async () => {
    const m = await machine('mitm');
    const wrong = 'SHA256:' + 'B'.repeat(43);
    const file = writeProfile(
      m.dir,
      'corp.json',
      sandboxProfile(sb, { protocol: 'ssh', fingerprint: wrong }),
    );
    const start = snapshotTree(m.dir);
    const r = await runCmd(applyCommand, ['--profile', file, '--yes'], m.env);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `does not match the profile: the server presented ssh-ed25519 ${sb.ssh.hostKeyFingerprint}`,
    );
    expect(r.err).toContain('Nothing was changed');
    expect(snapshotTree(m.dir)).toEqual(start);
  });

  // Before the credentials service, a missing key stopped onboarding ("pass --ssh-key FILE"); now
  // onboarding generates one (ssh keygen's steps inside the ONE onboarding plan).
  it('without a key, onboarding generates one in the plan; once registered: green; undo removes it', async () => {
    const m = await machine('nokey');
    rmSync(m.key);
    rmSync(`${m.key}.pub`);
    const file = writeProfile(m.dir, 'corp.json', sandboxProfile(sb, { protocol: 'ssh' }));
    const start = snapshotTree(m.home);
    const first = await runCmd(applyCommand, ['--profile', file, '--yes', '--no-verify', '--json'], m.env);
    expect(first.code).toBe(0);
    const r1 = JSON.parse(first.out);
    const key = join(m.home, '.ssh', `id_ed25519_${sb.hosts.git}`);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(r1.notes.join('\n')).toContain(`Onramp creates the ssh key ${key}`);
    expect(first.out).not.toContain(readFileSync(key, 'utf8').split('\n')[1]);
    expect(readFileSync(join(m.home, '.ssh', 'config'), 'utf8')).toContain(`IdentityFile ${key}`);
    const pub = readFileSync(`${key}.pub`, 'utf8').trim();
    authorizeKey(pub);
    authorized.push(pub);

    const second = await runCmd(applyCommand, ['--profile', file, '--yes', '--json'], m.env);
    const r2 = JSON.parse(second.out);
    expect(r2.verification?.steps?.filter((s: { ok: boolean }) => !s.ok)).toEqual([]);
    expect(second.code).toBe(0);
    expect(r2).toMatchObject({ applied: false, changes: 0 });

    const undo = await runCli(['undo', r1.journalId, '--json'], m.env);
    expect(undo.code).toBe(0);
    expect(snapshotTree(m.home)).toEqual(start);
  });
});
