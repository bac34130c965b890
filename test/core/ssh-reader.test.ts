import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  parseSshG,
  readSsh,
  readSshAgent,
  scanSshConfigChain,
  sshEffectiveConfig,
} from '../../main/core/ssh-reader';
import { sshConfigRoots } from '../../main/core/ssh-effective-config';
import { runToolChecked } from '../../main/core/tool-runner';
import { fingerprintOf, keygen, useSshTempHome } from '../helpers/ssh-temp-home';

const h = useSshTempHome();

describe('sshEffectiveConfig (ssh -G)', () => {
  it('honours a Host block, Includes (relative, glob) and a port override', async () => {
    mkdirSync(join(h.ssh, 'conf.d'));
    writeFileSync(join(h.ssh, 'conf.d', '10-corp.conf'), 'Host git.corp.example\n  Port 2222\n');
    writeFileSync(join(h.ssh, 'conf.d', '.hidden.conf'), 'Host git.corp.example\n  Port 9999\n');
    writeFileSync(
      join(h.ssh, 'config'),
      [
        'Include conf.d/*.conf',
        'Host git.corp.example',
        '  User git',
        '  IdentityFile ~/.ssh/corp_ed25519',
        '  IdentitiesOnly yes',
        'Host *',
        '  User nobody',
        '',
      ].join('\n'),
    );
    const r = await sshEffectiveConfig(h.t.env, 'git.corp.example');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.config).toMatchObject({
      hostname: 'git.corp.example',
      user: 'git',
      port: 2222,
      identitiesOnly: true,
    });
    expect(r.config.identityFiles).toEqual(['~/.ssh/corp_ed25519']);
    expect(r.config.configFiles).toEqual([join(h.ssh, 'config'), join(h.ssh, 'conf.d', '10-corp.conf')]);
    // HOME is not the passwd home here, so the user config was pinned with -F.
    expect(r.config.systemConfigRead).toBe(false);

    const other = await sshEffectiveConfig(h.t.env, 'github.com', { port: 443 });
    if (!other.ok) throw new Error(other.problem.message);
    expect(other.config).toMatchObject({ user: 'nobody', port: 443 });
    expect(other.config.identityFiles.length).toBeGreaterThan(1); // ssh's defaults
  });

  it('works without any ssh config', async () => {
    const r = await sshEffectiveConfig(h.t.env, 'git.corp.example', { user: 'me' });
    expect(r.ok && r.config.user).toBe('me');
  });

  it('refuses on Match exec and never runs ssh -G (the command would create a marker)', async () => {
    const marker = join(h.t.home, 'MATCH-EXEC-RAN');
    const command = `touch ${marker}`;
    mkdirSync(join(h.ssh, 'inc'));
    writeFileSync(
      join(h.ssh, 'inc', 'a.conf'),
      `Host other\n  Port 1\nMatch host git.corp.example exec "${command}"\n  Port 2200\n`,
    );
    writeFileSync(join(h.ssh, 'config'), 'Host git.corp.example\n  User git\nInclude ~/.ssh/inc/*.conf\n');

    const r = await sshEffectiveConfig(h.t.env, 'git.corp.example');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refused).toBe(true);
    expect(r.problem).toMatchObject({
      code: 'ssh-config-unvetted',
      file: join(h.ssh, 'inc', 'a.conf'),
      line: 3,
    });
    expect(existsSync(marker)).toBe(false);

    const status = await readSsh(h.t.env);
    expect(status.config).toMatchObject({ safeForSshG: false, matchExecs: [{ command, line: 3 }] });
    expect(existsSync(marker)).toBe(false);

    // Once the user approves that exact command, ssh -G runs it: the marker proves the probe.
    const approved = await sshEffectiveConfig(h.t.env, 'git.corp.example', { vettedExecCommands: [command] });
    expect(approved.ok && approved.config.port).toBe(2200);
    expect(existsSync(marker)).toBe(true);
  });

  it('refuses a negated exec and an Include it cannot resolve exactly', async () => {
    writeFileSync(join(h.ssh, 'config'), 'Match !Exec "false"\n  User y\n');
    const r = await sshEffectiveConfig(h.t.env, 'h.example');
    expect(!r.ok && r.refused && r.problem.line).toBe(1);
    writeFileSync(join(h.ssh, 'config'), 'Include ~someoneelse/.ssh/config\n');
    const u = await sshEffectiveConfig(h.t.env, 'h.example');
    expect(!u.ok && u.refused && u.problem.code).toBe('ssh-config-unvetted');
  });

  it('rejects host, port and user values that ssh could read as options', async () => {
    for (const [host, opts] of [
      ['-oProxyCommand=touch x', {}],
      ['h.example', { port: 0 }],
      ['h.example', { user: '-oX' }],
    ] as const) {
      const r = await sshEffectiveConfig(h.t.env, host, opts);
      expect(r.ok || r.refused).toBe(false);
    }
  });

  it('parses ssh -G output and picks the config roots', async () => {
    expect(parseSshG('user git\nidentityfile ~/.ssh/a\nidentityfile ~/.ssh/b\nhostname h\n')).toEqual({
      user: ['git'],
      identityfile: ['~/.ssh/a', '~/.ssh/b'],
      hostname: ['h'],
    });
    expect(sshConfigRoots({ HOME: '/home/u' }, '/home/u', '/etc/ssh/ssh_config')).toEqual({
      roots: [
        { file: '/home/u/.ssh/config', system: false },
        { file: '/etc/ssh/ssh_config', system: true },
      ],
      pinUserConfig: false,
    });
    expect(sshConfigRoots({ HOME: '/tmp/h' }, '/home/u').pinUserConfig).toBe(true);
  });

  it('vets the system config chain too when ssh would read it', async () => {
    const sys = join(h.t.home, 'etc-ssh');
    mkdirSync(join(sys, 'ssh_config.d'), { recursive: true });
    writeFileSync(join(sys, 'ssh_config'), `Include ${join(sys, 'ssh_config.d')}/*.conf\n`);
    writeFileSync(join(sys, 'ssh_config.d', 'corp.conf'), 'Match exec "/usr/bin/true"\n');
    const chain = await scanSshConfigChain(
      sshConfigRoots(h.t.env, h.t.home, join(sys, 'ssh_config')).roots,
      h.t.home,
    );
    expect(chain.matchExecs).toEqual([
      { file: join(sys, 'ssh_config.d', 'corp.conf'), line: 1, command: '/usr/bin/true' },
    ]);
  });
});

describe('ssh agent', () => {
  const agents: number[] = [];
  afterAll(() => {
    for (const pid of agents) {
      try {
        process.kill(pid);
      } catch {
        /* already gone */
      }
    }
  });

  it('tells no socket, an unreachable socket, an empty agent and an agent with keys apart', async () => {
    const { SSH_AUTH_SOCK: _unset, ...noSock } = h.t.env;
    expect((await readSshAgent(noSock)).state).toBe('no-socket');
    expect((await readSshAgent({ ...h.t.env, SSH_AUTH_SOCK: join(h.t.home, 'nope.sock') })).state).toBe(
      'unreachable',
    );

    const sock = join(h.t.home, 'agent.sock');
    const started = await runToolChecked('ssh-agent', ['-s', '-a', sock], { env: h.t.env });
    const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(started.stdout)?.[1]);
    agents.push(pid);
    const env = { ...h.t.env, SSH_AUTH_SOCK: sock };
    expect(await readSshAgent(env)).toMatchObject({ state: 'empty', keys: [] });

    await keygen(h, '-t', 'ed25519', '-N', '', '-C', 'agent key', '-f', join(h.ssh, 'id_ed25519'));
    await keygen(h, '-t', 'ed25519', '-N', 'a passphrase', '-f', join(h.ssh, 'id_locked'));
    await runToolChecked('ssh-add', [join(h.ssh, 'id_ed25519')], { env });
    const r = await readSshAgent(env);
    expect(r.state).toBe('keys');
    expect(r.keys).toEqual([
      {
        bits: 256,
        fingerprint: await fingerprintOf(h, join(h.ssh, 'id_ed25519.pub')),
        comment: 'agent key',
        type: 'ED25519',
      },
    ]);

    const all = await readSsh(env);
    expect(all.agent.state).toBe('keys');
    expect(all.config.safeForSshG).toBe(true);
    // The locked key is not in the agent: go cannot use it.
    expect(all.problems.filter((p) => p.code === 'ssh-key-encrypted').map((p) => p.file)).toEqual([
      join(h.ssh, 'id_locked'),
    ]);
  });
});
