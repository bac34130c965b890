// The profile format: strict validation whose every error names file, line and JSON pointer;
// the published JSON Schema kept equal to the one generated from the validator; presets that
// produce valid profiles.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProfileText, formatProblem, parseProfileText } from '../../main/common/profile/parse';
import { profileJsonSchema } from '../../main/common/profile/json-schema';
import { presetNames, presetProfileText } from '../../main/common/profile/presets';
import { desiredSettings } from '../../main/common/profile/settings';
import { sshFingerprint } from '../../main/core/ssh-known-hosts';
import { baseProfile, text, type Json } from './profile-helpers';

const fixtures = join(__dirname, '..', 'fixtures', 'profiles');
const problems = (t: string) => {
  const r = checkProfileText(t, 'p.json');
  return r.ok ? [] : r.problems.map(formatProblem);
};
const withPatch = (patch: (p: Json) => void) => {
  const p = baseProfile();
  patch(p);
  return problems(text(p));
};

describe('profile validation', () => {
  it('accepts the fixtures and the base profile', () => {
    expect(problems(text(baseProfile()))).toEqual([]);
    expect(problems(readFileSync(join(fixtures, 'acme-ssh.json'), 'utf8'))).toEqual([]);
  });

  it('names file, line and pointer for malformed JSON', () => {
    const t = readFileSync(join(fixtures, 'malformed.json'), 'utf8');
    expect(problems(t)).toEqual([`p.json:5: expected ',' or '}', found "\\""`]);
    expect(() => parseProfileText(t, '/x/team.json')).toThrow(/^\/x\/team\.json:5: /);
  });

  it('refuses unknown keys at their own line', () => {
    const p = baseProfile();
    p.hosts[0].sslVerify = false;
    const t = text(p);
    const line = t.split('\n').findIndex((l) => l.includes('sslVerify')) + 1;
    expect(problems(t)).toEqual([
      `p.json:${line}: /hosts/0/sslVerify: unknown key "sslVerify" (profile version 1 does not have it)`,
    ]);
  });

  it.each<[string, (p: Json) => void, RegExp]>([
    ['http URL', (p) => (p.hosts[0].webUrl = 'http://git.corp.test'), /\/hosts\/0\/webUrl: must be an https/],
    [
      'credentials in URL',
      (p) => (p.hosts[0].webUrl = 'https://u:p@git.corp.test'),
      /must not contain a user name/,
    ],
    ['URL that does not parse', (p) => (p.hosts[0].webUrl = 'https://exa mple'), /must be an https/],
    [
      'upper-case ssh host',
      (p) => Object.assign(p.hosts[0], { ssh: { host: 'Git.corp.test', fingerprints: [] } }),
      /\/hosts\/0\/ssh\/host: must be a lower-case DNS name/,
    ],
    ['control character', (p) => (p.name = 'Acme\u0007'), /\/name: must not contain control/],
    ['bidi override', (p) => (p.name = 'Acme\u202e'), /\/name: must not contain control/],
    ['line break', (p) => (p.description = 'a\nb'), /\/description: must not contain control/],
    ['huge name', (p) => (p.name = 'x'.repeat(101)), /\/name: Too big/],
    ['too many hosts', (p) => (p.hosts = Array.from({ length: 17 }, () => p.hosts[0])), /\/hosts: Too big/],
    ['bad Go pattern', (p) => (p.modules.private = ['git.corp.test/[']), /\/modules\/private\/0: /],
    ['comma in a pattern', (p) => (p.modules.private = ['a.test,b.test']), /one pattern per entry/],
    ['wrong version', (p) => (p.version = 2), /\/version: /],
    [
      'ssh without pins',
      (p) => Object.assign(p.hosts[0], { protocol: 'ssh', ssh: { host: 'git.corp.test' } }),
      /never trusts an SSH host key on first use/,
    ],
    ['ssh without ssh section', (p) => (p.hosts[0].protocol = 'ssh'), /protocol ssh needs an ssh section/],
    [
      'bad fingerprint',
      (p) => Object.assign(p.hosts[0], { ssh: { host: 'git.corp.test', fingerprints: ['MD5:aa'] } }),
      /SHA256/,
    ],
    [
      'not a CA PEM',
      (p) => (p.hosts[0].caCertificate = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'),
      /PEM certificates/,
    ],
    ['netrc-breaking login', (p) => (p.hosts[0].token.login = 'al ice'), /\/hosts\/0\/token\/login/],
    [
      'unknown go variable',
      (p) => (p.advanced = { goEnv: { GONOSUMCHECK: '1' } }),
      /GONOSUMCHECK is not a Go environment variable/,
    ],
    [
      'Match in ssh options',
      (p) => (p.advanced = { sshOptions: { 'git.corp.test': { Match: 'exec "id"' } } }),
      /Match cannot be an option/,
    ],
    ['duplicate host', (p) => p.hosts.push({ ...p.hosts[0] }), /host git.corp.test is listed twice/],
  ])('refuses %s', (_name, patch, expected) => {
    const found = withPatch(patch);
    expect(found.join('\n')).toMatch(expected);
    expect(found.every((f) => /^p\.json:\d+: /.test(f))).toBe(true);
  });

  it('refuses a profile larger than 256 KiB before parsing it', () => {
    const p = baseProfile();
    p.description = 'x'.repeat(300 * 1024);
    expect(problems(text(p))).toEqual(['p.json:1: the profile is larger than 256 KiB']);
  });
});

describe('published JSON Schema', () => {
  it('equals the schema generated from the validator', () => {
    const file = join(__dirname, '..', '..', 'schema', 'onramp-profile.v1.schema.json');
    const generated = profileJsonSchema();
    if (process.env.ONRAMP_WRITE_SCHEMA) writeFileSync(file, `${JSON.stringify(generated, null, 2)}\n`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(generated);
  });

  it('is strict: no additional properties anywhere an object is defined', () => {
    const objects: Json[] = [];
    const walk = (n: Json) => {
      if (n && typeof n === 'object') {
        if (n.type === 'object' && n.properties) objects.push(n);
        Object.values(n).forEach(walk);
      }
    };
    walk(profileJsonSchema());
    expect(objects.length).toBeGreaterThan(8);
    for (const o of objects) expect(o.additionalProperties).toBe(false);
  });
});

describe('presets', () => {
  const answers = {
    url: 'https://git.example.com',
    org: 'team',
    testModule: 'git.example.com/team/lib@v1.0.0',
  };

  it.each(presetNames)('%s gives a valid profile', (name) => {
    const p = parseProfileText(presetProfileText(name, answers), `preset:${name}`).profile;
    const s = desiredSettings(p, { caDir: '/ca' });
    expect(s.goEnv.find((g) => g.key === 'GOPRIVATE')?.value).toMatch(
      /\//.test(p.modules.private[0] ?? '') ? /\/team$/ : /example\.com$/,
    );
  });

  it('asks for what only the person knows', () => {
    expect(() => presetProfileText('github', {})).toThrow(/needs --org/);
    expect(() => presetProfileText('gitlab-self-managed', { org: 'x' })).toThrow(/needs --url/);
    expect(() => presetProfileText('generic', { url: 'https://git.example.com', protocol: 'ssh' })).toThrow(
      /published host key fingerprints/,
    );
  });

  it('GitLab presets get credentials for discovery (nested subgroups) and explain why', () => {
    const p = parseProfileText(presetProfileText('gitlab-self-managed', answers), 'x').profile;
    expect(p.hosts[0]?.discoveryNeedsAuth).toBe(true);
    expect(p.description).toMatch(/subgroup/);
    expect(p.description).toMatch(/\.git qualifier/);
    const s = desiredSettings(
      {
        ...p,
        hosts: [
          {
            ...p.hosts[0]!,
            protocol: 'ssh',
            ssh: { host: 'git.example.com', fingerprints: ['SHA256:' + 'A'.repeat(43)] },
          },
        ],
      },
      { caDir: '/ca' },
    );
    expect(s.netrc.map((n) => n.host)).toEqual(['git.example.com']);
  });

  it('github.com: the published ed25519 key has the published fingerprint', () => {
    // docs.github.com lists both; a typo in either would make the pin refuse the real host.
    const blob = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
    const p = parseProfileText(presetProfileText('github', { org: 'acme', protocol: 'ssh' }), 'x').profile;
    expect(p.hosts[0]?.ssh?.fingerprints).toContain(sshFingerprint(blob));
    expect(p.modules.private).toEqual(['github.com/acme']);
  });
});
