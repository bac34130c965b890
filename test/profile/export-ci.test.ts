// The CI export, run for real: the YAML is read by an independent YAML parser (PyYAML), then its
// shell steps run the way the CI runner would (GitHub: one `bash -eo pipefail` per step with
// $GITHUB_ENV carried over; GitLab: before_script in one `sh -e`), with the CI secrets as
// environment variables, in a clean HOME against the sandbox Git host. Green means the job's own
// `go mod download` of the profile's test modules succeeded.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCi } from '../../main/common/profile/ci-yaml';
import type { CiTarget } from '../../main/common/profile/ci-job';
import { desiredSettings } from '../../main/common/profile/settings';
import { exportCiCommand } from '../../main/cli/commands/export-ci';
import { runTool, runToolChecked } from '../../main/core/tool-runner';
import { authorizeKey, revokeKey, startSandbox, type Sandbox } from '../sandbox/sandbox';
import { runCmd } from './cli-helpers';
import { parsed, sandboxProfile, writeProfile, type Json } from './profile-helpers';

let sb: Sandbox;
let root: string;
let deployKey: { file: string; pub: string };
// An independent YAML reader; the tests that need it are skipped (and say so) without it.
// Debian's python3-yaml is installed for /usr/bin/python3; PATH may lead to another python first.
const pythonBin = ['/usr/bin/python3', 'python3'].find(
  (bin) => spawnSync(bin, ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0,
);
const python = pythonBin !== undefined;
beforeAll(async () => {
  sb = await startSandbox();
  root = mkdtempSync(join(tmpdir(), 'onramp-ci-'));
  const file = join(root, 'deploy_key');
  await runToolChecked('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ci-deploy', '-f', file], {
    env: { PATH: process.env.PATH },
  });
  deployKey = { file, pub: readFileSync(`${file}.pub`, 'utf8').trim() };
  authorizeKey(deployKey.pub);
});
afterAll(() => {
  if (deployKey) revokeKey(deployKey.pub);
  rmSync(root, { recursive: true, force: true });
});

async function yamlToJson(text: string): Promise<Json> {
  const r = await runToolChecked(
    pythonBin ?? 'python3',
    ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'],
    {
      env: { PATH: process.env.PATH },
      stdin: text,
    },
  );
  return JSON.parse(r.stdout);
}

/** A CI machine: nothing but a HOME, PATH and Go's caches; no CA, no credentials. */
function ciEnv(dir: string): Record<string, string> {
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  return {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C',
    GOPATH: join(dir, 'gopath'),
    GOCACHE: join(dir, 'gocache'),
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
  };
}

async function runGithub(
  doc: Json,
  env: Record<string, string>,
  secrets: Record<string, string>,
  dir: string,
) {
  const job = doc.jobs['private-go-modules'];
  const githubEnv = join(dir, 'github_env');
  writeFileSync(githubEnv, '');
  let current: Record<string, string> = { ...env, ...job.env, GITHUB_ENV: githubEnv };
  const log: string[] = [];
  for (const [i, step] of (job.steps as Json[]).entries()) {
    const stepEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries((step.env ?? {}) as Record<string, string>)) {
      const m = /^\$\{\{ secrets\.([A-Z0-9_]+) \}\}$/.exec(v);
      stepEnv[k] = m ? (secrets[m[1] as string] ?? '') : v;
    }
    const script = join(dir, `step-${i}.sh`);
    writeFileSync(script, step.run);
    expect(step.shell).toBe('bash');
    const r = await runTool('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      env: { ...current, ...stepEnv },
      cwd: env.HOME,
      timeoutMs: 120_000,
    });
    log.push(`$ ${step.name} → ${r.code}\n${r.stdout}${r.stderr}`);
    if (r.code !== 0) return { ok: false, log };
    for (const line of readFileSync(githubEnv, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) current = { ...current, [line.slice(0, eq)]: line.slice(eq + 1) };
    }
  }
  return { ok: true, log };
}

async function runGitlab(
  doc: Json,
  env: Record<string, string>,
  secrets: Record<string, string>,
  profileId: string,
) {
  const job = doc[`.onramp-${profileId}`];
  const script = (job.before_script as string[]).join('\n');
  const r = await runTool('sh', ['-e', '-c', script], {
    env: { ...env, ...job.variables, ...secrets },
    cwd: env.HOME,
    timeoutMs: 120_000,
  });
  return { ok: r.code === 0, log: [`${r.stdout}${r.stderr}`] };
}

const matrix: [CiTarget, 'https' | 'ssh'][] = [
  ['github-actions', 'https'],
  ['github-actions', 'ssh'],
  ['gitlab-ci', 'https'],
  ['gitlab-ci', 'ssh'],
];

describe('export-ci', () => {
  it.skipIf(!python).each(matrix)(
    '%s over %s: the exported steps give a green go mod download in a clean HOME',
    async (target, protocol) => {
      const profile = sandboxProfile(sb, { protocol });
      const p = parsed(profile).profile;
      const { text, job } = exportCi(p, desiredSettings(p, { caDir: '/unused' }), target);
      const secrets: Record<string, string> =
        protocol === 'https'
          ? { ONRAMP_TOKEN_GIT_CORP_TEST: sb.users.alice.token }
          : { ONRAMP_SSH_KEY_GIT_CORP_TEST: readFileSync(deployKey.file, 'utf8') };
      expect(job.secrets.map((s) => s.name)).toEqual(Object.keys(secrets));
      // No secret and no weakening in the file itself.
      expect(text).not.toContain(sb.users.alice.token);
      expect(text).not.toMatch(/StrictHostKeyChecking[= ]no|sslVerify|GOSUMDB=off|:\/\/[^/\s"]*:[^/\s"]*@/);
      const doc = await yamlToJson(text);
      const dir = join(root, `${target}-${protocol}`);
      const env = ciEnv(dir);
      const r =
        target === 'github-actions'
          ? await runGithub(doc, env, secrets, dir)
          : await runGitlab(doc, env, secrets, p.id);
      expect(r.ok, r.log.join('\n')).toBe(true);
      expect(r.log.join('\n')).not.toContain(sb.users.alice.token);
      const home = env.HOME as string;
      if (protocol === 'https')
        expect(readFileSync(join(home, '.netrc'), 'utf8')).toContain('machine git.corp.test login alice');
      else expect(readFileSync(join(home, '.ssh', 'known_hosts'), 'utf8')).toBe(`${sb.ssh.knownHostsLine}\n`);
    },
  );

  it.skipIf(!python)(
    'a job whose secret is missing fails loudly instead of fetching anonymously',
    async () => {
      const p = parsed(sandboxProfile(sb)).profile;
      const doc = await yamlToJson(exportCi(p, desiredSettings(p, { caDir: '/x' }), 'gitlab-ci').text);
      const r = await runGitlab(doc, ciEnv(join(root, 'nosecret')), {}, p.id);
      expect(r.ok).toBe(false);
      expect(r.log.join('')).toContain('set the ONRAMP_TOKEN_GIT_CORP_TEST CI secret');
    },
  );

  it('CLI: writes the snippet, lists the secrets, refuses a dangerous profile', async () => {
    const dir = join(root, 'cli');
    mkdirSync(dir, { recursive: true });
    const env = { HOME: dir, PATH: process.env.PATH ?? '', ONRAMP_DATA_DIR: join(dir, 'data') };
    const file = writeProfile(dir, 'corp.json', sandboxProfile(sb));
    const r = await runCmd(
      exportCiCommand,
      ['--profile', file, '--target', 'gitlab-ci', '--out', 'ci.yml'],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'ONRAMP_TOKEN_GIT_CORP_TEST: token for git.corp.test with scopes read_repository',
    );
    expect(readFileSync(join(dir, 'ci.yml'), 'utf8')).toContain('.onramp-corp-https:');
    const bad = sandboxProfile(sb);
    bad.sumdb = 'off';
    const badFile = writeProfile(dir, 'bad.json', bad);
    const refused = await runCmd(exportCiCommand, ['--profile', badFile, '--target', 'github-actions'], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--allow go-sumdb-off');
    const allowed = await runCmd(
      exportCiCommand,
      ['--profile', badFile, '--target', 'github-actions', '--allow', 'go-sumdb-off'],
      env,
    );
    expect(allowed.code).toBe(0);
    expect(allowed.out).toContain('GOSUMDB: "off"');
  });
});
