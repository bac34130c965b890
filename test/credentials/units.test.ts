// Pure pieces: the credential protocol, API answer readers, scope and expiry judgement, GOAUTH
// edits, host facts, inventory text, ssh verdicts and keyscan parsing.
import { describe, expect, it } from 'vitest';
import {
  formatCredentialInput,
  formatCredentialReply,
  parseCredentialRequest,
} from '../../main/common/credentials/credential-protocol';
import { goauthWithGit, goauthWithoutGit } from '../../main/common/credentials/goauth-edit';
import {
  defaultApiBase,
  detectHostKind,
  publishedHostKeys,
  sshOver443,
} from '../../main/common/credentials/host-kinds';
import {
  emptyInventory,
  parseInventory,
  serializeInventory,
  upsertRecord,
  type TokenRecord,
} from '../../main/common/credentials/inventory-model';
import {
  expiryProblem,
  githubTokenInfo,
  gitlabTokenInfo,
  parseExpiry,
  tokenProblems,
} from '../../main/common/credentials/token-info';
import { classifySshTest } from '../../main/core/credentials/ssh-check';
import { parseKeyscan } from '../../main/core/credentials/ssh-trust';
import { holdsSecrets } from '../../main/core/credentials/snapshot-crypto';
import { repoPathFor } from '../../main/core/credentials/token-check';
import { sshFingerprint } from '../../main/core/ssh-known-hosts';

describe('git credential protocol', () => {
  it('parses what git sends, keeps unknown and list attributes, stops at the blank line', () => {
    const r = parseCredentialRequest(
      'protocol=https\nhost=git.corp.test:8443\nwwwauth[]=Basic realm="x"\ncapability[]=authtype\nfoo=bar\n\nhost=evil\n',
    );
    expect(r).toMatchObject({ protocol: 'https', host: 'git.corp.test:8443', other: { foo: 'bar' } });
    expect(r.lists).toEqual({ wwwauth: ['Basic realm="x"'], capability: ['authtype'] });
  });
  it('refuses a value with a newline (it could smuggle in another attribute)', () => {
    expect(() => formatCredentialReply({ username: 'a', password: 'x\nhost=evil' })).toThrow(/newline/);
    expect(formatCredentialInput({ protocol: 'https', host: 'h', username: 'u' })).toBe(
      'protocol=https\nhost=h\nusername=u\n\n',
    );
  });
});

describe('host API answers', () => {
  it('GitHub: scopes from X-OAuth-Scopes, expiry from github-authentication-token-expiration', () => {
    const info = githubTokenInfo({
      status: 200,
      headers: {
        'x-oauth-scopes': 'repo, read:org',
        'github-authentication-token-expiration': '2024-05-06 07:08:09 UTC',
      },
      body: { login: 'octo' },
    });
    expect(info).toEqual({
      login: 'octo',
      scopes: ['repo', 'read:org'],
      expiresAt: '2024-05-06T07:08:09.000Z',
      expiryKnown: true,
    });
    // fine-grained: no scope header → unknown, reported as such
    const fine = githubTokenInfo({ status: 200, headers: {}, body: { login: 'octo' } });
    expect(fine?.scopes).toBeUndefined();
    expect(tokenProblems('github', fine!, new Date('2024-01-01')).map((p) => p.code)).toEqual([
      'scopes-unknown',
    ]);
    expect(
      githubTokenInfo({ status: 401, headers: {}, body: { message: 'Bad credentials' } }),
    ).toBeUndefined();
  });
  it('GitLab: read_repository required, read_api advised (subgroup discovery)', () => {
    const self = {
      status: 200,
      headers: {},
      body: { id: 7, name: 'ci', scopes: ['read_api'], expires_at: '2030-01-02' },
    };
    const info = gitlabTokenInfo(self, { status: 200, headers: {}, body: { username: 'al' } });
    expect(info).toMatchObject({
      login: 'al',
      tokenId: '7',
      tokenName: 'ci',
      expiresAt: '2030-01-02T00:00:00.000Z',
    });
    expect(
      tokenProblems('gitlab', info!, new Date('2029-12-30')).map((p) => `${p.severity}:${p.code}`),
    ).toEqual(['error:missing-scope', 'warning:expires-soon']);
  });
  it('expiry: warned ahead of time, error once past; unreadable dates are ignored', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    expect(expiryProblem('2025-01-10T00:00:00Z', now)?.code).toBe('expires-soon');
    expect(expiryProblem('2024-12-31T00:00:00Z', now)?.code).toBe('expired');
    expect(expiryProblem('2025-03-01T00:00:00Z', now)).toBeUndefined();
    expect(parseExpiry('soon')).toBeUndefined();
  });
});

describe('GOAUTH edits (go ≥ 1.24)', () => {
  it('adds `git HOME` after the default netrc once, removes only its own entry, respects off', () => {
    expect(goauthWithGit('', '/home/u')).toBe('netrc;git /home/u');
    expect(goauthWithGit('netrc;git /home/u', '/home/u')).toBeUndefined();
    expect(goauthWithGit('off', '/home/u')).toBeUndefined();
    expect(goauthWithoutGit('netrc;git /home/u', '/home/u')).toBe('netrc');
    expect(goauthWithoutGit('git /home/u', '/home/u')).toBe('netrc');
    expect(goauthWithoutGit('netrc', '/home/u')).toBeUndefined();
  });
});

describe('host facts', () => {
  it('kinds, API bases, ssh over 443 and published host keys', () => {
    expect(detectHostKind('github.com')).toBe('github');
    expect(detectHostKind('git.corp.test')).toBe('generic');
    expect(defaultApiBase('github', 'github.com')).toBe('https://api.github.com');
    expect(defaultApiBase('github', 'ghe.corp')).toBe('https://ghe.corp/api/v3');
    expect(defaultApiBase('gitlab', 'gl.corp')).toBe('https://gl.corp/api/v4');
    expect(sshOver443('github.com')).toEqual({ hostName: 'ssh.github.com', port: 443 });
    // the published GitHub ed25519 key hashes to the pinned fingerprint
    expect(sshFingerprint('AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl')).toBe(
      publishedHostKeys['github.com']?.[0],
    );
    expect(repoPathFor('h', undefined, 'h/group/sub/proj@v1.0.0')).toBe('group/sub/proj');
    expect(repoPathFor('h', '/acme/lib.git')).toBe('acme/lib');
  });
});

describe('inventory text', () => {
  it('is stable, sorted, and holds no secret field', () => {
    const rec: TokenRecord = {
      kind: 'token',
      host: 'b.test',
      account: 'al',
      hostKind: 'generic',
      store: 'keychain',
      generation: 'g1',
      places: [],
      createdAt: '2025-01-01T00:00:00.000Z',
    };
    const inv = upsertRecord(upsertRecord(emptyInventory(), rec), { ...rec, host: 'a.test' });
    const text = serializeInventory(inv);
    expect(text.indexOf('a.test')).toBeLessThan(text.indexOf('b.test'));
    expect(parseInventory(text)).toEqual(parseInventory(serializeInventory(parseInventory(text))));
    expect(text).not.toMatch(/"(password|secret|token)":/);
    expect(upsertRecord(inv, { ...rec, generation: 'g2' }).records).toHaveLength(2);
  });
});

describe('ssh', () => {
  it('reads ssh -T verdicts of the common hosts', () => {
    expect(
      classifySshTest(
        1,
        "Hi octo! You've successfully authenticated, but GitHub does not provide shell access.",
      ),
    ).toBe('authenticated');
    expect(classifySshTest(128, 'fatal: Interactive git shell is not enabled.')).toBe('authenticated');
    expect(classifySshTest(255, 'git@h: Permission denied (publickey).')).toBe('auth-failed');
    expect(classifySshTest(255, 'Host key verification failed.')).toBe('host-key-unknown');
    expect(classifySshTest(255, '@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@')).toBe(
      'host-key-changed',
    );
  });
  it('parses ssh-keyscan lines', () => {
    expect(
      parseKeyscan('# h:22 SSH-2.0-OpenSSH\nh ssh-ed25519 AAAAC3Nz\n[h]:2222 ecdsa-sha2-nistp256 AAAAE2V=\n'),
    ).toEqual([
      { type: 'ssh-ed25519', blob: 'AAAAC3Nz' },
      { type: 'ecdsa-sha2-nistp256', blob: 'AAAAE2V=' },
    ]);
  });
  it('knows which snapshots hold secrets', () => {
    expect(holdsSecrets('/h/.netrc', Buffer.from(''))).toBe(true);
    expect(holdsSecrets('/h/.ssh/id_x', Buffer.from('-----BEGIN OPENSSH PRIVATE KEY-----\n'))).toBe(true);
    expect(holdsSecrets('/h/.gitconfig', Buffer.from('[user]\n\tname = x\n'))).toBe(false);
  });
});
