import { describe, expect, it } from 'vitest';
import { DEFAULT_GOPROXY, parseGoproxy, routeModule } from '../../main/common/go-proxy';

describe('parseGoproxy (go 1.19 proxyList)', () => {
  it('applies the default when empty', () => {
    const r = parseGoproxy('');
    expect(r.effective).toBe(DEFAULT_GOPROXY);
    expect(r.entries).toEqual([
      { kind: 'proxy', url: 'https://proxy.golang.org', fallback: 'on-not-found', implicitScheme: false },
      { kind: 'direct' },
    ]);
    expect(r.error).toBeUndefined();
  });

  it("takes the fallback from the separator after each entry: ',' on 404/410, '|' on any error", () => {
    const r = parseGoproxy('https://a.corp|https://b.corp,direct');
    expect(r.entries.map((e) => (e.kind === 'proxy' ? [e.url, e.fallback] : e.kind))).toEqual([
      ['https://a.corp', 'on-any-error'],
      ['https://b.corp', 'on-not-found'],
      'direct',
    ]);
  });

  it('adds https:// to a scheme-less host, with or without a port, and trims spaces', () => {
    const r = parseGoproxy(' proxy.corp , localhost:3000 ');
    expect(r.entries).toEqual([
      { kind: 'proxy', url: 'https://proxy.corp', fallback: 'on-not-found', implicitScheme: true },
      { kind: 'proxy', url: 'https://localhost:3000', fallback: 'on-not-found', implicitScheme: true },
    ]);
  });

  it('stops at direct and off, and reports what it never reads', () => {
    expect(parseGoproxy('direct,https://never.corp').ignored).toEqual(['https://never.corp']);
    expect(parseGoproxy('off|bad entry').entries).toEqual([{ kind: 'off' }]);
    expect(parseGoproxy('off|bad entry').error).toBeUndefined();
  });

  it("gives go's errors for bad entries (observed with go 1.19)", () => {
    expect(parseGoproxy('athens').error).toBe('invalid proxy URL missing scheme: athens');
    expect(parseGoproxy(',').error).toBe('GOPROXY list is not the empty string, but contains no entries');
    expect(parseGoproxy('  ').error).toBe('GOPROXY list is not the empty string, but contains no entries');
    expect(parseGoproxy('file:/x').error).toBe('invalid file:// proxy URL with non-path elements: file:/x');
    expect(parseGoproxy('file:///srv/goproxy').error).toBeUndefined();
    expect(parseGoproxy('ftp://mirror.corp').error).toBe(
      'invalid proxy URL scheme (must be https, http, file): ftp://mirror.corp',
    );
    // one bad entry fails the whole list, even behind good ones
    expect(parseGoproxy('https://ok.corp,/abs/path').error).toBe(
      'invalid proxy URL missing scheme: /abs/path',
    );
  });

  it('never shows a password, even where go would', () => {
    const r = parseGoproxy('https://u:hunter2secret@ho st');
    expect(r.error).toMatch(/^parse "https:\/\/u:.*@ho st": invalid character " " in host name$/);
    expect(r.error).not.toContain('hunter2secret');
    const ok = parseGoproxy('https://u:hunter2secret@proxy.corp');
    expect(ok.entries).toHaveLength(1);
    expect(JSON.stringify(ok)).not.toContain('hunter2secret');
    const route = routeModule({ GOPROXY: 'https://u:hunter2secret@proxy.corp' }, 'x.example/m');
    expect(JSON.stringify(route)).not.toContain('hunter2secret');
  });

  it('judges absolute paths by the target OS', () => {
    expect(parseGoproxy('C:\\goproxy', { windows: true }).error).toMatch(/must be https, http, file/);
    expect(parseGoproxy('C:\\goproxy').error).toMatch(/invalid port/);
  });
});

describe('routeModule', () => {
  it('sends a public module through the default proxy and the checksum database', () => {
    const r = routeModule({}, 'github.com/stretchr/testify');
    expect(r).toMatchObject({ private: false, proxyBypassed: false, sumdbChecked: true, insecure: false });
    expect(r.sources.map((s) => s.kind)).toEqual(['proxy', 'direct']);
    expect(r.effective).toEqual({
      GOPROXY: 'https://proxy.golang.org,direct',
      GONOPROXY: '',
      GONOSUMDB: '',
      GOSUMDB: 'sum.golang.org',
    });
  });

  it('fetches a GOPRIVATE module directly and skips the checksum database', () => {
    const r = routeModule({ GOPRIVATE: 'github.com/acme' }, 'github.com/acme/lib/v2');
    expect(r).toMatchObject({ private: true, proxyBypassed: true, sumdbChecked: false });
    expect(r.sources).toEqual([{ kind: 'direct' }]);
    expect(r.effective.GONOPROXY).toBe('github.com/acme');
  });

  it('GOPROXY=off does not block a GOPRIVATE module', () => {
    const r = routeModule({ GOPRIVATE: 'gitlab.corp', GOPROXY: 'off' }, 'gitlab.corp/group/sub/proj');
    expect(r.sources).toEqual([{ kind: 'direct' }]);
    expect(r.notes.join()).toMatch(/GOPROXY=off does not block/);
    const pub = routeModule({ GOPRIVATE: 'gitlab.corp', GOPROXY: 'off' }, 'github.com/x/y');
    expect(pub.sources).toEqual([{ kind: 'off' }]);
  });

  it('an explicit GONOPROXY or GONOSUMDB overrides GOPRIVATE for its part only', () => {
    const r = routeModule({ GOPRIVATE: 'corp.example', GONOPROXY: 'none' }, 'corp.example/lib');
    expect(r).toMatchObject({ private: true, proxyBypassed: false, sumdbChecked: false });
    expect(r.sources[0]).toMatchObject({ kind: 'proxy', url: 'https://proxy.golang.org' });
    expect(r.notes.join()).toMatch(/GONOPROXY is set and does not/);
    const s = routeModule({ GOPRIVATE: 'corp.example', GONOSUMDB: 'other.example' }, 'corp.example/lib');
    expect(s).toMatchObject({ proxyBypassed: true, sumdbChecked: true });
  });

  it('GOSUMDB=off turns checking off for everything', () => {
    expect(routeModule({ GOSUMDB: 'off' }, 'github.com/x/y').sumdbChecked).toBe(false);
  });

  it('GOPROXY=direct exactly: everything is fetched directly', () => {
    const r = routeModule({ GOPROXY: 'direct', GONOPROXY: 'corp.example' }, 'github.com/x/y');
    expect(r.sources).toEqual([{ kind: 'direct' }]);
  });

  it('a broken GOPROXY breaks private modules too', () => {
    const r = routeModule({ GOPRIVATE: 'corp.example', GOPROXY: 'athens' }, 'corp.example/lib');
    expect(r.error).toBe('invalid proxy URL missing scheme: athens');
    expect(r.sources).toEqual([]);
    expect(r.notes.join()).toMatch(/breaks direct fetches too/);
  });

  it('GOINSECURE applies only to direct fetches and does not skip the checksum database', () => {
    const r = routeModule({ GOINSECURE: 'corp.example', GOPROXY: 'https://proxy.corp' }, 'corp.example/lib');
    expect(r.insecure).toBe(true);
    expect(r.notes.join('\n')).toMatch(/has no effect/);
    // with direct in the list (the default) it may apply, after a not-found from the proxy
    expect(routeModule({ GOINSECURE: 'corp.example' }, 'corp.example/lib').notes.join()).not.toMatch(
      /no effect/,
    );
    expect(r.notes.join('\n')).toMatch(/does not skip the checksum database/);
  });

  it('notes GO111MODULE and GOFLAGS settings that change what go does', () => {
    expect(routeModule({ GO111MODULE: 'yes' }, 'x.example/m').error).toBe(
      'unknown environment setting GO111MODULE=yes',
    );
    expect(routeModule({ GO111MODULE: 'off' }, 'x.example/m').notes.join()).toMatch(/GOPATH mode/);
    expect(routeModule({ GOFLAGS: '-mod=vendor -x' }, 'x.example/m').notes.join()).toMatch(/-mod=vendor/);
  });

  it('reports a GOSUMDB go cannot use', () => {
    const r = routeModule({ GOSUMDB: 'sum.corp.example' }, 'x.example/m');
    expect(r.notes.join()).toMatch(/Checksum verification will fail: invalid GOSUMDB: malformed verifier id/);
  });
});
