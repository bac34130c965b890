// The full add → use → rotate → remove cycle through the CLI commands, against the real keyring,
// the real git credential protocol, real go and the sandbox host; then every file the app
// wrote, every captured output and every process command line seen meanwhile is scanned for the
// four token strings. Expected: 0 hits anywhere — the journal's netrc snapshots included, which
// are sealed with the keychain-held key (and shown to be sealed, not merely absent).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { rotateCommand } from '../../main/cli/commands/rotate';
import { secretsCommand } from '../../main/cli/commands/secrets';
import { tokenCommand } from '../../main/cli/commands/token';
import { isSealed } from '../../main/core/credentials/snapshot-crypto';
import { runTool } from '../../main/core/tool-runner';
import type { Command } from '../../main/cli/commands/index';
import { useCredFixture } from './fixture';
import { filesUnder, scanFiles, scanText, startProcessSampler, type Hit } from './leak-scan';

const f = useCredFixture();

describe('never leak: add → use → rotate → remove', () => {
  it('leaves no token outside the chosen stores', async () => {
    const { sb, api } = f;
    const started = Date.now();
    const t0 = performance.now();
    const t1 = api.issueToken({ user: 'alice', scopes: ['repo'], expiresAt: '2031-01-01' });
    const u1 = api.issueToken({ user: 'alice', scopes: ['repo'] });
    const t2 = api.issueToken({ user: 'alice', scopes: ['repo'] });
    const u2 = api.issueToken({ user: 'alice', scopes: ['repo'] });
    const secrets = [t1, u1, t2, u2];
    const sampler = startProcessSampler(secrets);
    const outputs: string[] = [];
    const cli = async (cmd: Command, argv: string[], stdin = '') => {
      let out = '';
      let err = '';
      const io: CliIo = {
        env: f.env,
        cwd: f.t.home,
        out: (t) => (out += t),
        err: (t) => (err += t),
        readStdin: async () => stdin,
      };
      const code = await cmd.run(argv, io);
      outputs.push(out, err);
      return { code, out, err };
    };
    const gh = ['--kind', 'github', '--api', api.apiBase('github')];
    const lib = `${sb.repos.lib.module}@v1.2.0`;
    const tool = `${sb.repos.tool.module}@v0.2.0`;
    let modcache = 0;
    const use = async () => {
      for (const m of [lib, tool]) {
        const r = await runTool('go', ['mod', 'download', '-json', m], {
          env: { ...f.env, GOMODCACHE: join(f.t.home, `modcache-${modcache++}`) },
          cwd: f.t.home,
          timeoutMs: 120_000,
        });
        outputs.push(r.stdout, r.stderr);
        expect(r.code).toBe(0);
      }
    };

    expect(
      (await cli(tokenCommand, ['add', sb.hosts.git, '--stdin', ...gh, '--module', lib], `${t1}\n`)).code,
    ).toBe(0);
    expect(
      JSON.parse(
        (
          await cli(
            tokenCommand,
            ['add', sb.hosts.git2, '--stdin', ...gh, '--module', tool, '--json'],
            `${u1}\n`,
          )
        ).out,
      ),
    ).toMatchObject({ ok: true, applied: true });
    await use();
    const listed = await cli(secretsCommand, ['--json']);
    const view = JSON.parse(listed.out) as {
      secrets: { rows: { host: string; places: { kind: string; present: boolean }[] }[] };
    };
    expect(view.secrets.rows.map((r) => r.host).sort()).toEqual([sb.hosts.git, sb.hosts.git2]);
    expect(view.secrets.rows.every((r) => r.places.every((p) => p.present !== false))).toBe(true);
    await cli(secretsCommand, []);

    expect((await cli(rotateCommand, [sb.hosts.git, '--stdin'], `${t2}\n`)).code).toBe(0);
    expect((await cli(rotateCommand, [sb.hosts.git2, '--stdin', '--json'], `${u2}\n`)).code).toBe(0);
    expect(api.tokenState(t1)?.revoked && api.tokenState(u1)?.revoked).toBe(true);
    await use();
    await cli(secretsCommand, []);

    expect((await cli(tokenCommand, ['remove', sb.hosts.git])).code).toBe(0);
    expect((await cli(tokenCommand, ['remove', sb.hosts.git2, '--json'])).code).toBe(0);
    const proc = sampler.stop();
    const ms = Math.round(performance.now() - t0);

    const written = [
      ...filesUnder(join(f.t.home, '..')), // HOME, data dir (journal, inventory), go caches
      ...filesUnder(tmpdir(), started).filter((p) => !p.startsWith(join(f.t.home, '..'))),
      ...filesUnder(f.kr.keyringDir), // the keyring's own files are encrypted
      ...filesUnder(sb.logsDir, started), // nginx/sshd logs of the host
    ];
    const fileHits = scanFiles(written, secrets);
    const outputHits = outputs.flatMap((o, i) => scanText(`output ${i}`, o, secrets));
    const snapshots = written.filter((p) => /\/journal\/[^/]+\/snap\/\d+$/.test(p));
    const otherHits: Hit[] = [...fileHits, ...outputHits, ...proc.hits];
    console.info(
      `leak scan: ${written.length} files (${snapshots.length} journal snapshots), ${outputs.length} outputs, ` +
        `${proc.samples} process-list samples (${proc.processesSeen} command lines), ${ms} ms for the cycle → ${otherHits.length} hits`,
    );
    expect(otherHits).toEqual([]);
    // the netrc snapshots exist and are sealed (AES-GCM under the keychain key), not plaintext
    const netrcSnaps = snapshots.filter((p) => isSealed(readFileSync(p)));
    expect(netrcSnaps.length).toBeGreaterThanOrEqual(2);
  });
});
