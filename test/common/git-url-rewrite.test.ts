import { describe, expect, it } from 'vitest';
import { rewriteUrl, type UrlRewriteRule } from '../../main/common/git-url-rewrite';

const rule = (base: string, prefix: string, push = false): UrlRewriteRule => ({ base, prefix, push });

describe('rewriteUrl', () => {
  it('rewrites a matching prefix and reports the rule', () => {
    const rules = [rule('git@github.com:', 'https://github.com/')];
    expect(rewriteUrl('https://github.com/org/repo', rules)).toEqual({
      url: 'git@github.com:org/repo',
      rule: { base: 'git@github.com:', prefix: 'https://github.com/', push: false },
    });
  });

  it('leaves a URL no rule matches alone', () => {
    expect(rewriteUrl('https://gitlab.com/x', [rule('A', 'https://github.com/')])).toEqual({
      url: 'https://gitlab.com/x',
    });
  });

  it('picks the longest matching prefix, wherever it is in the list', () => {
    const rules = [
      rule('short/', 'https://h/'),
      rule('long/', 'https://h/org/'),
      rule('mid/', 'https://h/o'),
    ];
    expect(rewriteUrl('https://h/org/repo', rules).url).toBe('long/repo');
    expect(rewriteUrl('https://h/other', rules).url).toBe('mid/ther');
  });

  it('needs no boundary: a prefix may end mid-word (git compares bytes)', () => {
    expect(rewriteUrl('https://github.com/orgX/r', [rule('B/', 'https://github.com/org')]).url).toBe('B/X/r');
  });

  it('is case-sensitive', () => {
    expect(rewriteUrl('https://GitHub.com/x', [rule('B', 'https://github.com/')]).url).toBe(
      'https://GitHub.com/x',
    );
  });

  it('breaks a tie between identical prefixes by the first appearance of the base', () => {
    // remote.c keeps one struct per base, created when the base first appears, and takes the
    // first of equally long matches; B appears first (with another value), so B wins.
    const rules = [rule('B', 'y'), rule('A', 'x'), rule('B', 'x')];
    expect(rewriteUrl('x1', rules)).toEqual({ url: 'B1', rule: { base: 'B', prefix: 'x', push: false } });
    expect(rewriteUrl('x1', [rule('A', 'x'), rule('B', 'x')]).url).toBe('A1');
  });

  it('supports an empty base (strip a prefix) and a URL equal to the prefix', () => {
    expect(rewriteUrl('zz/repo', [rule('', 'zz/')]).url).toBe('repo');
    expect(rewriteUrl('gh:', [rule('git@github.com:', 'gh:')]).url).toBe('git@github.com:');
  });

  it('handles several values for one base and scp-like forms', () => {
    const rules = [rule('git@github.com:', 'https://github.com/'), rule('git@github.com:', 'gh:')];
    expect(rewriteUrl('gh:org/x', rules).url).toBe('git@github.com:org/x');
    expect(rewriteUrl('https://github.com/org/x', rules).url).toBe('git@github.com:org/x');
  });

  it('for push, prefers pushInsteadOf on the original URL and falls back to insteadOf', () => {
    const rules = [rule('I/', 'x'), rule('P/', 'xa', true)];
    expect(rewriteUrl('xab', rules, { push: true })).toEqual({
      url: 'P/b',
      rule: { base: 'P/', prefix: 'xa', push: true },
    });
    expect(rewriteUrl('xb', rules, { push: true }).url).toBe('I/b');
    // pushInsteadOf is not applied to what insteadOf produced, and never to fetches
    expect(rewriteUrl('xab', rules).url).toBe('I/ab');
    expect(rewriteUrl('I/ab', [rule('P/', 'I/', true)]).url).toBe('I/ab');
  });

  it('lets a shorter pushInsteadOf beat a longer insteadOf when pushing', () => {
    const rules = [rule('fetch/', 'https://h/org/'), rule('push/', 'https://h/', true)];
    expect(rewriteUrl('https://h/org/r', rules, { push: true }).url).toBe('push/org/r');
  });

  it('compares non-ASCII prefixes correctly', () => {
    expect(rewriteUrl('https://h/ü/r', [rule('B/', 'https://h/ü/'), rule('C/', 'https://h/')]).url).toBe(
      'B/r',
    );
  });
});
