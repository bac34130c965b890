import { describe, expect, it } from 'vitest';
import { parseGoauth, quotedSplit } from '../../main/common/go-goauth';

describe('parseGoauth (go 1.24 runGoAuth)', () => {
  it('defaults to netrc', () => {
    expect(parseGoauth('')).toEqual({ effective: 'netrc', commands: [{ kind: 'netrc' }], warnings: [] });
  });

  it('reads off, netrc, git DIR and commands, in the order listed', () => {
    expect(parseGoauth('off').commands).toEqual([{ kind: 'off' }]);
    const r = parseGoauth('git /home/me/src;netrc; /usr/local/bin/corp-auth --realm "Corp SSO" ');
    expect(r.error).toBeUndefined();
    expect(r.commands).toEqual([
      { kind: 'git', dir: '/home/me/src' },
      { kind: 'netrc' },
      { kind: 'command', argv: ['/usr/local/bin/corp-auth', '--realm', 'Corp SSO'] },
    ]);
  });

  it("gives go's fatal errors", () => {
    expect(parseGoauth('off;netrc').error).toBe(
      'GOAUTH=off cannot be combined with other authentication commands (GOAUTH=off;netrc)',
    );
    expect(parseGoauth('netrc;').error).toBe('GOAUTH encountered an empty command (GOAUTH=netrc;)');
    expect(parseGoauth('git').error).toBe(
      'GOAUTH=git dir method requires an absolute path to the git working directory',
    );
    expect(parseGoauth('git /a /b').error).toMatch(/requires an absolute path/);
    expect(parseGoauth('git src').error).toBe(
      'GOAUTH=git dir method requires an absolute path to the git working directory, dir is not absolute',
    );
  });

  it('reports the error go meets first, walking the list from the end', () => {
    expect(parseGoauth('git src;;netrc').error).toMatch(/empty command/);
    expect(parseGoauth(';git src').error).toMatch(/dir is not absolute/);
  });

  it('judges git DIR by the target OS', () => {
    expect(parseGoauth('git C:\\src\\repo', { windows: true }).error).toBeUndefined();
    expect(parseGoauth('git C:\\src\\repo').error).toMatch(/not absolute/);
  });

  it('skips a command go cannot split, with a warning', () => {
    const r = parseGoauth("netrc;corp-auth 'unterminated");
    expect(r.error).toBeUndefined();
    expect(r.commands).toEqual([{ kind: 'netrc' }]);
    expect(r.warnings).toEqual([
      "cannot parse GOAUTH command corp-auth 'unterminated: unterminated ' string",
    ]);
  });
});

describe('quotedSplit (cmd/internal/quoted.Split)', () => {
  it('splits on ASCII space and honours whole-field quotes without escapes', () => {
    expect(quotedSplit(` a  "b c" 'd"e' f\\g `)).toEqual({ ok: true, argv: ['a', 'b c', 'd"e', 'f\\g'] });
    expect(quotedSplit('"x')).toEqual({ ok: false, error: 'unterminated " string' });
  });
});
