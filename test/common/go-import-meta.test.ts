import { describe, expect, it } from 'vitest';
import { matchGoImport, parseGoImports } from '../../main/common/go-import-meta';

describe('go-import meta tags', () => {
  it('reads tags in the head, any attribute order and quoting', () => {
    const html = `<!DOCTYPE html><html><head>
      <meta content="git.corp.test/acme/lib git https://git.corp.test/acme/lib.git" name="go-import">
      <META NAME='go-import' CONTENT='git.corp.test/x mod https://proxy.corp.test'/>
      <meta name=go-source content="ignored">
      </head><body><meta name="go-import" content="late git https://late"></body></html>`;
    expect(parseGoImports(html)).toEqual([
      { prefix: 'git.corp.test/x', vcs: 'mod', repoRoot: 'https://proxy.corp.test' },
      { prefix: 'git.corp.test/acme/lib', vcs: 'git', repoRoot: 'https://git.corp.test/acme/lib.git' },
    ]);
  });

  it('ignores tags whose content does not have three fields', () => {
    expect(parseGoImports('<meta name="go-import" content="a git">')).toEqual([]);
  });

  it('matches by path prefix, like go', () => {
    const tags = parseGoImports('<meta name="go-import" content="git.corp.test/acme/lib git https://r">');
    expect(matchGoImport(tags, 'git.corp.test/acme/lib/sub')).toMatchObject({ ok: true });
    expect(matchGoImport(tags, 'git.corp.test/acme/library')).toMatchObject({ ok: false });
    expect(matchGoImport([], 'x.y/z')).toEqual({ ok: false, error: 'no go-import meta tags' });
  });

  it('reports a truncated root (GitLab subgroups without credentials)', () => {
    const tags = parseGoImports(
      '<meta name="go-import" content="git2.corp.test/group/sub git https://git2.corp.test/group/sub.git">',
    );
    const m = matchGoImport(tags, 'git2.corp.test/group/sub/proj');
    expect(m).toMatchObject({ ok: true, match: { prefix: 'git2.corp.test/group/sub' } });
  });
});
