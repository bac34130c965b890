import { describe, expect, it } from 'vitest';
import { OnrampError } from '../../main/common/errors';
import {
  goPathMatch,
  isBadPattern,
  matchPrefixPatterns,
  pathMatch,
  validatePatternList,
  type PatternProblem,
} from '../../main/common/go-patterns';

// go 1.19 src/path/match_test.go matchTests, verbatim: [pattern, name, matched, bad].
const goMatchTests: [string, string, boolean, boolean][] = [
  ['abc', 'abc', true, false],
  ['*', 'abc', true, false],
  ['*c', 'abc', true, false],
  ['a*', 'a', true, false],
  ['a*', 'abc', true, false],
  ['a*', 'ab/c', false, false],
  ['a*/b', 'abc/b', true, false],
  ['a*/b', 'a/c/b', false, false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true, false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true, false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false, false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false, false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true, false],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false, false],
  ['ab[c]', 'abc', true, false],
  ['ab[b-d]', 'abc', true, false],
  ['ab[e-g]', 'abc', false, false],
  ['ab[^c]', 'abc', false, false],
  ['ab[^b-d]', 'abc', false, false],
  ['ab[^e-g]', 'abc', true, false],
  ['a\\*b', 'a*b', true, false],
  ['a\\*b', 'ab', false, false],
  ['a?b', 'a☺b', true, false],
  ['a[^a]b', 'a☺b', true, false],
  ['a???b', 'a☺b', false, false],
  ['a[^a][^a][^a]b', 'a☺b', false, false],
  ['[a-ζ]*', 'α', true, false],
  ['*[a-ζ]', 'A', false, false],
  ['a?b', 'a/b', false, false],
  ['a*b', 'a/b', false, false],
  ['[\\]a]', ']', true, false],
  ['[\\-]', '-', true, false],
  ['[x\\-]', 'x', true, false],
  ['[x\\-]', '-', true, false],
  ['[x\\-]', 'z', false, false],
  ['[\\-x]', 'x', true, false],
  ['[\\-x]', '-', true, false],
  ['[\\-x]', 'a', false, false],
  ['[]a]', ']', false, true],
  ['[-]', '-', false, true],
  ['[x-]', 'x', false, true],
  ['[x-]', '-', false, true],
  ['[x-]', 'z', false, true],
  ['[-x]', 'x', false, true],
  ['[-x]', '-', false, true],
  ['[-x]', 'a', false, true],
  ['\\', 'a', false, true],
  ['[a-b-c]', 'a', false, true],
  ['[', 'a', false, true],
  ['[^', 'a', false, true],
  ['[^bc', 'a', false, true],
  ['a[', 'a', false, true],
  ['a[', 'ab', false, true],
  ['a[', 'x', false, true],
  ['a/b[', 'x', false, true],
  ['*x', 'xxx', true, false],
];

// golang.org/x/mod/module TestMatchPrefixPatterns, verbatim.
const goPrefixTests: [string, string, boolean][] = [
  ['', 'rsc.io/quote', false],
  ['/', 'rsc.io/quote', false],
  ['*/quote', 'rsc.io/quote', true],
  ['*/quo', 'rsc.io/quote', false],
  ['*/quo??', 'rsc.io/quote', true],
  ['*/quo*', 'rsc.io/quote', true],
  ['*quo*', 'rsc.io/quote', false],
  ['rsc.io', 'rsc.io/quote', true],
  ['*.io', 'rsc.io/quote', true],
  ['rsc.io/', 'rsc.io/quote', true],
  ['rsc', 'rsc.io/quote', false],
  ['rsc*', 'rsc.io/quote', true],
  ['rsc.io', 'rsc.io/quote/v3', true],
  ['*/quote', 'rsc.io/quote/v3', true],
  ['*/quote/', 'rsc.io/quote/v3', true],
  ['*/quote/*', 'rsc.io/quote/v3', true],
  ['*/quote/*/', 'rsc.io/quote/v3', true],
  ['*/v3', 'rsc.io/quote/v3', false],
  ['*/*/v3', 'rsc.io/quote/v3', true],
  ['*/*/*', 'rsc.io/quote/v3', true],
  ['*/*/*/', 'rsc.io/quote/v3', true],
  ['*/*/*', 'rsc.io/quote', false],
  ['*/*/*/', 'rsc.io/quote', false],
  ['*/*/*,,', 'rsc.io/quote', false],
  ['*/*/*,,*/quote', 'rsc.io/quote', true],
  [',,*/quote', 'rsc.io/quote', true],
];

describe('goPathMatch / pathMatch (path.Match)', () => {
  it.each(goMatchTests)('Match(%j, %j) = %s, bad=%s', (pattern, name, matched, bad) => {
    expect(goPathMatch(pattern, name)).toEqual({ matched, badPattern: bad });
  });

  it('throws an invalid-input OnrampError exactly when Go reports ErrBadPattern', () => {
    expect(pathMatch('ab[c]', 'abc')).toBe(true);
    expect(() => pathMatch('a[', 'a')).toThrow(OnrampError);
    expect(() => pathMatch('a[', 'a')).toThrow(/syntax error in pattern/);
    // a bad class after a mismatching literal is still reported, as Go checks the whole pattern
    expect(() => pathMatch('x[', 'a')).toThrow(/syntax error/);
  });

  it('isBadPattern finds a malformed class anywhere in the pattern', () => {
    expect(isBadPattern('github.com/[a-')).toBe(true);
    expect(isBadPattern('*/x\\')).toBe(true);
    expect(isBadPattern('*.corp.example/[a-c]*')).toBe(false);
  });
});

describe('matchPrefixPatterns (module.MatchPrefixPatterns)', () => {
  it.each(goPrefixTests)('MatchPrefixPatterns(%j, %j) = %s', (globs, target, want) => {
    expect(matchPrefixPatterns(globs, target)).toBe(want);
  });

  it('matches path prefixes, not string prefixes', () => {
    expect(matchPrefixPatterns('rsc.io/private', 'rsc.io/private/bar')).toBe(true);
    expect(matchPrefixPatterns('rsc.io/private', 'rsc.io/privateer')).toBe(false);
    expect(matchPrefixPatterns('*.corp.example.com', 'git.corp.example.com/team/lib/v2')).toBe(true);
  });

  it('skips a bad glob silently and keeps looking, as Go does', () => {
    expect(matchPrefixPatterns('github.com/[acme,github.com/acme', 'github.com/acme/x')).toBe(true);
    expect(matchPrefixPatterns('github.com/[acme', 'github.com/[acme/x')).toBe(false);
  });

  it('does not trim spaces: " github.com/acme" never matches', () => {
    expect(matchPrefixPatterns('gitlab.corp, github.com/acme', 'github.com/acme/x')).toBe(false);
  });
});

const errorsOf = (ps: PatternProblem[]) => ps.filter((p) => p.severity === 'error');
const warningsOf = (ps: PatternProblem[]) => ps.filter((p) => p.severity === 'warning');

describe('validatePatternList', () => {
  it('accepts a clean list without problems', () => {
    expect(
      validatePatternList('GOPRIVATE', 'github.com/acme,*.corp.example.com,gitlab.acme.io/group'),
    ).toEqual([]);
    expect(validatePatternList('GOPRIVATE', '')).toEqual([]);
    expect(validatePatternList('GOPRIVATE', 'github.com/acme,,')).toEqual([]);
  });

  it('rejects URLs and ssh addresses, suggesting the module path', () => {
    const [url] = validatePatternList('GOPRIVATE', 'https://github.com/acme/');
    expect(url?.severity).toBe('error');
    expect(url?.hint).toContain('"github.com/acme"');
    const [ssh] = validatePatternList('GOPRIVATE', 'git@gitlab.corp:group/lib.git');
    expect(ssh?.severity).toBe('error');
    expect(ssh?.hint).toContain('"gitlab.corp/group/lib"');
  });

  it('never shows a password pasted into a URL', () => {
    const ps = validatePatternList('GOPRIVATE', 'https://bob:s3cretTOKEN@github.com/acme');
    expect(JSON.stringify(ps)).not.toContain('s3cretTOKEN');
  });

  it('flags entries that can never match', () => {
    const cases: [string, RegExp][] = [
      [' github.com/acme', /spaces around it/],
      ['github.com/acme gitlab.corp', /space or ";"/],
      ['github.com/acme;gitlab.corp', /space or ";"/],
      ['git.corp:8443/team', /contains ":"/],
      ['"github.com/acme"', /quote/],
      ['github.com/[acme', /not a valid glob/],
      ['github.com//acme', /empty path element/],
      ['github.com/acme//', /empty path element/],
      ['github.com/acme/...', /go list syntax/],
      ['GitHub.com/acme', /upper-case/],
    ];
    for (const [value, re] of cases) {
      const errs = errorsOf(validatePatternList('GOPRIVATE', value));
      expect(errs, value).toHaveLength(1);
      expect(errs[0]?.message, value).toMatch(re);
      // and the claim holds: Go's matcher never matches the entry against the intended module
      expect(matchPrefixPatterns(value, 'github.com/acme/lib'), value).toBe(false);
    }
  });

  it('allows upper case after the host (github.com/Azure), where module paths have it', () => {
    expect(validatePatternList('GOPRIVATE', 'github.com/Azure')).toEqual([]);
  });

  it('warns about patterns that cover public modules', () => {
    const all = warningsOf(validatePatternList('GONOSUMDB', '*'));
    expect(all.map((w) => w.message).join()).toMatch(
      /almost\) every module path; public modules .* checksum/,
    );
    const gh = warningsOf(validatePatternList('GOPRIVATE', 'github.com'));
    expect(gh[0]?.message).toMatch(/every module on github.com/);
    expect(warningsOf(validatePatternList('GOPRIVATE', 'github.com/*'))).toHaveLength(1);
    expect(warningsOf(validatePatternList('GOPRIVATE', '*.com'))[0]?.message).toMatch(
      /github.com, gitlab.com/,
    );
  });

  it('warns about a keyword used as a pattern, a trailing slash, ** and duplicates', () => {
    expect(warningsOf(validatePatternList('GONOSUMDB', 'off'))[0]?.hint).toMatch(/GOSUMDB=off/);
    expect(warningsOf(validatePatternList('GOPRIVATE', 'github.com/acme/'))[0]?.message).toMatch(
      /trailing slash/,
    );
    expect(warningsOf(validatePatternList('GOPRIVATE', 'github.com/acme/**'))[0]?.message).toMatch(
      /not recursive/,
    );
    expect(warningsOf(validatePatternList('GOPRIVATE', 'github.com/acme,github.com/acme/'))).toHaveLength(2);
  });

  it('warns when the first element has no dot, and says what was probably meant', () => {
    const [w] = validatePatternList('GOPRIVATE', 'acme');
    expect(w?.severity).toBe('warning');
    expect(w?.hint).toContain('github.com/acme');
    expect(validatePatternList('GONOPROXY', 'none')).toEqual([]); // "match nothing" idiom
  });
});
