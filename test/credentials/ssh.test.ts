// SSH against the sandbox's real sshd: keygen (passphrase kept in the real keyring on opt-in,
// key loaded into a real agent) → trust (ssh-keyscan, pinned fingerprint) → upload through the
// host-API stand-in (which authorizes the key in sshd) → ssh -T → go mod download over SSH.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphraseSecretName, sshKeyRecords } from '../../main/common/credentials/inventory-model';
import { loadInventory } from '../../main/core/credentials/inventory';
import { keychainStore } from '../../main/core/credentials/keychain-store';
import { listSshKeys, sshTest, classifySshTest } from '../../main/core/credentials/ssh-check';
import { keygenForHost } from '../../main/core/credentials/ssh-keygen';
import { trustHost } from '../../main/core/credentials/ssh-trust';
import { uploadKey } from '../../main/core/credentials/ssh-upload';
import { addToken } from '../../main/core/credentials/token-add';
import { runTool } from '../../main/core/tool-runner';
import { undo } from '../../main/core/undo';
import { useCredFixture } from './fixture';

const f = useCredFixture();
const agents: number[] = [];
afterEach(() => {
  // Only the agents these tests started, by pid.
  for (const pid of agents.splice(0)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
});

describe('ssh keygen → trust → upload → test → go over ssh', () => {
  it('works end to end with a passphrase kept in the keyring and the key in the agent', async () => {
    const { sb, api, env } = f;
    const host = sb.hosts.git;
    // a token the API accepts for key upload (GitLab shape: the api scope)
    const token = api.issueToken({ user: 'alice', scopes: ['api', 'read_repository', 'read_api'] });
    await addToken(env, { host, token, kind: 'gitlab', apiBase: api.apiBase('gitlab') });

    const passphrase = 'pass-Phrase-7d1c';
    const kg = await keygenForHost(env, { host, passphrase, rememberPassphrase: true });
    if (kg.agent?.startedPid) agents.push(kg.agent.startedPid);
    expect(kg.agent?.added).toBe(true);
    expect(kg.agent?.persistHint).toMatch(/systemctl --user enable --now ssh-agent/);
    expect(statSync(kg.keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(kg.keyFile, 'utf8')).toContain('BEGIN OPENSSH PRIVATE KEY');
    // the plan's diff never shows the private key
    expect(kg.plan.changes[0]?.diff).not.toMatch(/^\+[A-Za-z0-9+/]{40,}$/m);
    const cfg = readFileSync(join(f.t.home, '.ssh', 'config'), 'utf8');
    expect(cfg).toContain(`Host ${host}\n`);
    expect(cfg).toContain(`IdentityFile ${kg.keyFile}\n`);
    expect(cfg).toContain('IdentitiesOnly yes\n');
    const rec = sshKeyRecords(loadInventory(env), host)[0];
    expect(rec?.passphrase?.store).toBe('keychain');
    expect(
      await keychainStore().get(passphraseSecretName(kg.fingerprint, rec?.passphrase?.generation ?? '')),
    ).toBe(passphrase);

    const agentEnv = { ...env, SSH_AUTH_SOCK: kg.agent?.socket ?? '' };
    // unknown host key first
    expect((await sshTest(agentEnv, host)).verdict).toBe('host-key-unknown');
    // no pin: fingerprints shown, nothing written without confirmation
    const unconfirmed = await trustHost(env, { host });
    expect(unconfirmed.status).toBe('needs-confirmation');
    expect(unconfirmed.keys.map((k) => k.fingerprint)).toContain(sb.ssh.hostKeyFingerprint);
    // a wrong pin refuses
    await expect(
      trustHost(env, { host, pins: ['SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] }),
    ).rejects.toThrow(/none of .* keys match/);
    // the team profile's pin matches
    const trusted = await trustHost(env, { host, pins: [sb.ssh.hostKeyFingerprint] });
    expect(trusted.status).toBe('added');
    expect(readFileSync(join(f.t.home, '.ssh', 'known_hosts'), 'utf8')).toBe(`${sb.ssh.knownHostsLine}\n`);
    expect((await trustHost(env, { host })).status).toBe('already-trusted');

    expect((await sshTest(agentEnv, host)).verdict).toBe('auth-failed');
    const up = await uploadKey(env, { host });
    expect(up.uploaded).toBe(true);
    expect(api.keys().map((k) => k.key)).toContain(kg.publicKey);
    const ok = await sshTest(agentEnv, host);
    expect(ok.verdict).toBe('authenticated');

    // go over ssh: discovery over https (anonymous), the repo through insteadOf + the Host block
    const sshCmd = `ssh -F ${join(f.t.home, '.ssh', 'config')} -o UserKnownHostsFile=${join(f.t.home, '.ssh', 'known_hosts')} -o BatchMode=yes -o ControlMaster=no`;
    const go = await runTool('go', ['mod', 'download', '-json', `${sb.repos.appDep.module}@v0.1.0`], {
      env: {
        ...agentEnv,
        GIT_SSH_COMMAND: sshCmd,
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: `url.git@${host}:.insteadOf`,
        GIT_CONFIG_VALUE_0: `https://${host}/`,
      },
      cwd: f.t.home,
      timeoutMs: 120_000,
    });
    expect(go.stderr).toBe('');
    expect(go.stdout).toContain('"Version": "v0.1.0"');

    const listed = await listSshKeys(env);
    const mine = listed.keys.find((k) => k.file === kg.keyFile);
    expect(mine?.usedBy).toEqual([host]);
    expect(mine?.encrypted).toBe(true);
    expect(mine?.fingerprint).toBe(kg.fingerprint);

    // keygen is journaled: undo (after the upload that changed the inventory since) removes
    // the key files and the Host block
    await expect(undo(env, { id: kg.journalId ?? '' })).rejects.toThrow(
      /changed since the change was applied/,
    );
    await undo(env, { id: up.journalId ?? '' });
    await undo(env, { id: kg.journalId ?? '' });
    expect(() => statSync(kg.keyFile)).toThrow();
    // keygen created ~/.ssh/config, so undo removes it again
    expect(existsSync(join(f.t.home, '.ssh', 'config'))).toBe(false);
  });

  it('refuses to overwrite a key, and offers 443 or HTTPS when port 22 is blocked', async () => {
    const { sb, env } = f;
    const kg = await keygenForHost(env, { host: sb.hosts.git2, agent: false });
    await expect(keygenForHost(env, { host: sb.hosts.git2, file: kg.keyFile })).rejects.toThrow(
      /never overwrites/,
    );
    const blocked = await sshTest(env, sb.hosts.refused);
    expect(blocked.verdict).toBe('unreachable');
    expect(blocked.advice.join('\n')).toMatch(/use HTTPS with a token/);
    expect(classifySshTest(255, 'ssh: connect to host github.com port 22: Connection timed out')).toBe(
      'unreachable',
    );
    await expect(keygenForHost(env, { host: sb.hosts.git, port443: true })).rejects.toThrow(
      /no known ssh-over-443/,
    );
  });
});
