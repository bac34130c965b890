import { describe, expect, it } from 'vitest';
import { guessRepoRoot, hasPathPrefix, moduleHost } from '../../main/common/go-repo-root';

describe('guessRepoRoot (go 1.19 vcsPaths)', () => {
  it('maps github.com statically to https://github.com/org/repo', () => {
    expect(guessRepoRoot('github.com/acme/tool/v2/cmd')).toEqual({
      kind: 'static',
      host: 'github.com',
      root: 'github.com/acme/tool',
      vcs: 'git',
      repoUrl: 'https://github.com/acme/tool',
    });
  });

  it('rejects a github path without a repo element, as go does', () => {
    expect(guessRepoRoot('github.com/acme')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('invalid github.com import path'),
    });
  });

  it('takes a .git qualifier as the repo and lists only secure schemes', () => {
    const g = guessRepoRoot('git.corp.test/group/sub/proj.git/pkg');
    expect(g).toEqual({
      kind: 'qualified',
      root: 'git.corp.test/group/sub/proj.git',
      vcs: 'git',
      repo: 'git.corp.test/group/sub/proj',
      schemes: ['https', 'git+ssh', 'ssh'],
      fallbackScheme: 'git',
    });
  });

  it('adds insecure schemes under GOINSECURE', () => {
    const g = guessRepoRoot('git.corp.test:8443/x.git', { insecure: true });
    expect(g).toMatchObject({
      kind: 'qualified',
      repo: 'git.corp.test:8443/x',
      schemes: ['git', 'https', 'http', 'git+ssh', 'ssh'],
    });
  });

  it('asks the server for any other host', () => {
    expect(guessRepoRoot('git.corp.test/acme/lib/sub')).toEqual({
      kind: 'dynamic',
      discoveryUrl: 'https://git.corp.test/acme/lib/sub?go-get=1',
    });
  });

  it('refuses paths without a dot in the host and scheme-qualified paths', () => {
    expect(guessRepoRoot('corp/lib')).toMatchObject({ kind: 'invalid' });
    expect(guessRepoRoot('https://git.corp.test/x')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('not allowed'),
    });
  });

  it('matches go cases for bitbucket and openstack', () => {
    expect(guessRepoRoot('bitbucket.org/user/repo/pkg')).toMatchObject({
      kind: 'static',
      root: 'bitbucket.org/user/repo',
    });
    // go's vcs_test.go: the greedy element keeps .git in the root
    expect(guessRepoRoot('git.openstack.org/openstack/swift.git')).toMatchObject({
      repoUrl: 'https://git.openstack.org/openstack/swift.git',
    });
    expect(guessRepoRoot('git.openstack.org/openstack/swift/go/hummingbird')).toMatchObject({
      repoUrl: 'https://git.openstack.org/openstack/swift',
    });
  });

  it('hasPathPrefix and moduleHost', () => {
    expect(hasPathPrefix('a.b/c/d', 'a.b/c')).toBe(true);
    expect(hasPathPrefix('a.b/cd', 'a.b/c')).toBe(false);
    expect(moduleHost('git.corp.test:8443/x')).toBe('git.corp.test');
  });
});
