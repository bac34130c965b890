import { describe, expect, it } from 'vitest';
import type { GitConfigEntry } from '../../main/common/git-config-list';
import { normalizeGitUrl } from '../../main/common/git-url-normalize';
import { credentialConfigForUrl, selectForUrl } from '../../main/common/git-urlmatch';

const norm = (url: string, globs = false) => {
  const r = normalizeGitUrl(url, globs);
  return r.ok ? r.info.url : `error: ${r.error}`;
};

function entries(...kv: [string, string | null][]): GitConfigEntry[] {
  return kv.map(([key, value]) => ({ scope: 'global', origin: 'file:/g', file: '/g', key, value }));
}

describe('normalizeGitUrl (git url_normalize)', () => {
  it('lowercases scheme and host, keeps path case, adds the root path', () => {
    expect(norm('HTTPS://Git.Example.COM')).toBe('https://git.example.com/');
    expect(norm('https://h/Org/Repo')).toBe('https://h/Org/Repo');
  });

  it('drops default and zero-padded ports, rejects bad ones', () => {
    expect(norm('https://h:443/x')).toBe('https://h/x');
    expect(norm('http://h:80/')).toBe('http://h/');
    expect(norm('https://h:80/')).toBe('https://h:80/');
    expect(norm('https://h:0443/')).toBe('https://h/');
    expect(norm('https://h:008443/')).toBe('https://h:8443/');
    expect(norm('https://h:/')).toBe('https://h/');
    expect(norm('https://h:0/')).toMatch(/invalid port number/);
    expect(norm('https://h:65536/')).toMatch(/invalid port number/);
    expect(norm('https://h:12a/')).toMatch(/invalid port number/);
  });

  it('resolves dot segments and rejects climbing above the root', () => {
    expect(norm('https://h/a/./b/../c')).toBe('https://h/a/c');
    expect(norm('https://h/a/%2e%2E/c')).toBe('https://h/c');
    expect(norm('https://h/./x')).toBe('https://h/x');
    expect(norm('https://h/..')).toMatch(/invalid '\.\.' path segment/);
  });

  it('normalises escapes: unreserved unescaped, reserved kept, unsafe and non-ASCII escaped', () => {
    expect(norm('https://h/%41%7e%2f%3A')).toBe('https://h/A~%2F%3A');
    expect(norm('https://h/a b/ü')).toBe('https://h/a%20b/%C3%BC');
    expect(norm('https://h/%zz')).toMatch(/invalid %XX/);
    expect(norm('https://h/x?q=%61&r=%26#f')).toBe('https://h/x?q=a&r=%26#f');
  });

  it('records user and password and accepts IPv6 literals and underscores', () => {
    const r = normalizeGitUrl('https://Us%65r:pw@[::1]:8080/p');
    expect(r.ok && r.info.url).toBe('https://User:pw@[::1]:8080/p');
    if (!r.ok) throw new Error(r.error);
    const i = r.info;
    expect([
      i.url.slice(i.userOff, i.userOff + i.userLen),
      i.url.slice(i.hostOff, i.hostOff + i.hostLen),
    ]).toEqual(['User', '[::1]']);
    expect(norm('https://a_b.corp/')).toBe('https://a_b.corp/');
  });

  it('allows `*` in hosts only for config keys', () => {
    expect(norm('https://*.example.com/')).toMatch(/invalid characters in host name/);
    expect(norm('https://*.example.com/', true)).toBe('https://*.example.com/');
  });

  it('needs a scheme and a host (file: excepted)', () => {
    expect(norm('git@github.com:org/x')).toMatch(/invalid URL scheme/);
    expect(norm('1https://h/')).toMatch(/invalid URL scheme/);
    expect(norm('https:///x')).toMatch(/missing host/);
    expect(norm('file:///srv/x')).toBe('file:///srv/x');
    expect(norm('file://:80/x')).toMatch(/may not have a port/);
  });
});

describe('selectForUrl for http.<url>.*', () => {
  const cfg = entries(
    ['http.sslcainfo', '/bare'],
    ['http.https://*.example.com.sslcainfo', '/glob'],
    ['http.https://git.example.com/.sslcainfo', '/host'],
    ['http.https://git.example.com/org.sslcainfo', '/org'],
    ['http.https://bot@git.example.com/org/.sslcainfo', '/bot-org'],
    ['http.https://git.example.com/org.sslverify', 'false'],
  );
  const pick = (url: string) => selectForUrl(cfg, 'http', 'sslCAInfo', url).effective?.entry.value;

  it('prefers a longer host, then a longer path, then a user match', () => {
    expect(pick('https://other.org/x')).toBe('/bare');
    expect(pick('https://a.example.com/x')).toBe('/glob');
    expect(pick('https://git.example.com/x')).toBe('/host');
    expect(pick('https://git.example.com/org/x')).toBe('/org');
    expect(pick('https://git.example.com/organisation')).toBe('/host');
    expect(pick('https://bot@git.example.com/org/x')).toBe('/bot-org');
  });

  it('treats `*` as exactly one label and the port as part of the match', () => {
    expect(pick('https://a.b.example.com/')).toBe('/bare');
    expect(pick('https://git.example.com:8443/org')).toBe('/bare');
    expect(pick('https://git.example.com:443/org')).toBe('/org');
  });

  it('lets the later of equally specific entries win and lists every match', () => {
    const two = entries(['http.https://h/.sslcainfo', '/first'], ['http.https://h.sslcainfo', '/second']);
    const sel = selectForUrl(two, 'http', 'sslcainfo', 'https://h/x');
    expect(sel.effective?.entry.value).toBe('/second');
    expect(sel.all.map((m) => m.entry.value)).toEqual(['/first', '/second']);
  });

  it('applies only keys without <url> when git cannot parse the URL', () => {
    const sel = selectForUrl(cfg, 'http', 'sslcainfo', 'git@git.example.com:org/x');
    expect(sel.urlError).toMatch(/scheme/);
    expect(sel.effective?.entry.value).toBe('/bare');
  });
});

describe('credentialConfigForUrl', () => {
  it('collects every matching helper in order, empty values resetting, partial URLs included', () => {
    const cfg = entries(
      ['credential.helper', 'cache'],
      ['credential.https://git.example.com.helper', ''],
      ['credential.https://git.example.com.helper', 'store'],
      ['credential.example.org.helper', 'by-host'],
      ['credential.https://.helper', 'any-https'],
      ['credential.https://git.example.com/org.username', 'bot'],
      ['credential.usehttppath', 'yes'],
    );
    const a = credentialConfigForUrl(cfg, 'https://git.example.com/org/repo.git');
    expect(a.helpers.map((h) => h.helper)).toEqual(['store', 'any-https']);
    expect(a.username?.value).toBe('bot');
    expect(a.useHttpPath).toBe(true);
    const b = credentialConfigForUrl(cfg, 'http://example.org/x');
    expect(b.helpers.map((h) => h.helper)).toEqual(['cache', 'by-host']);
    expect(b.username).toBeUndefined();
  });
});
