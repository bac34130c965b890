// onramp://import?url=… deep links: only an https profile URL gets through, and it reaches the
// renderer only once the page has loaded.
import { describe, expect, it } from 'vitest';
import { createDeepLinkRouter, deepLinkFromArgv, parseImportLink } from '../../main/electron/deep-link';
import type { DeepLinkImport } from '../../main/electron/shell-events';

const link = (url: string) => `onramp://import?url=${encodeURIComponent(url)}`;

describe('parseImportLink', () => {
  it('accepts an https profile URL', () => {
    expect(parseImportLink(link('https://intranet.corp.example/go/profile.json'))).toEqual({
      ok: true,
      link: { url: 'https://intranet.corp.example/go/profile.json' },
    });
    expect(parseImportLink('onramp://import/?url=https://corp.example/p.json')).toMatchObject({ ok: true });
  });

  it.each([
    ['an http URL', link('http://corp.example/p.json')],
    ['a javascript: URL', link('javascript:alert(1)')],
    ['a file: URL', link('file:///etc/passwd')],
    ['a data: URL', link('data:application/json,{}')],
    ['credentials', link('https://user:token@corp.example/p.json')],
    ['a fragment', link('https://corp.example/p.json#x')],
    ['no url', 'onramp://import'],
    ['an empty url', 'onramp://import?url='],
    ['two parameters', `${link('https://corp.example/p.json')}&apply=1`],
    ['another action', `onramp://apply?url=${encodeURIComponent('https://corp.example/p.json')}`],
    ['another scheme', `https://import?url=${encodeURIComponent('https://corp.example/p.json')}`],
    ['a javascript: link', 'javascript:alert(1)'],
    ['a too long link', link(`https://corp.example/${'a'.repeat(5000)}`)],
    ['spaces', 'onramp://import?url=https://corp.example/a b'],
    ['control characters', 'onramp://import?url=https://corp.example/\u0007'],
    ['garbage', 'onramp:%%%'],
  ])('refuses %s', (_why, l) => {
    const r = parseImportLink(l);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
  });

  it('refuses non-strings', () => {
    expect(parseImportLink(undefined).ok).toBe(false);
    expect(parseImportLink(['onramp://import?url=https://x.example/']).ok).toBe(false);
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the link among Chromium switches (Windows/Linux second instance)', () => {
    const l = link('https://corp.example/p.json');
    expect(deepLinkFromArgv(['/opt/Onramp/onramp-desktop', '--no-sandbox', l])).toBe(l);
    expect(
      deepLinkFromArgv(['C:\\Onramp\\Onramp.exe', '--allow-file-access-from-files', 'ONRAMP://import?url=x']),
    ).toBe('ONRAMP://import?url=x');
    expect(deepLinkFromArgv(['/usr/bin/onramp-desktop', '--flag'])).toBeUndefined();
  });
});

describe('createDeepLinkRouter', () => {
  it('holds links until the page is ready, then delivers them in order', () => {
    const delivered: DeepLinkImport[] = [];
    const rejected: string[] = [];
    const r = createDeepLinkRouter({
      deliver: (l) => delivered.push(l),
      reject: (why) => rejected.push(why),
    });
    r.receive(link('https://a.example/p.json'));
    r.receive(link('http://b.example/p.json'));
    r.receive(link('https://c.example/p.json'));
    expect(delivered).toEqual([]);
    r.setReady(true);
    expect(delivered).toEqual([{ url: 'https://a.example/p.json' }, { url: 'https://c.example/p.json' }]);
    expect(rejected).toHaveLength(1);
    r.receive(link('https://d.example/p.json'));
    expect(delivered).toHaveLength(3);
    r.setReady(false);
    r.receive(link('https://e.example/p.json'));
    expect(delivered).toHaveLength(3);
  });

  it('keeps only the latest few of a burst', () => {
    const delivered: DeepLinkImport[] = [];
    const r = createDeepLinkRouter({ deliver: (l) => delivered.push(l) });
    for (let i = 0; i < 20; i++) r.receive(link(`https://h${i}.example/p.json`));
    r.setReady(true);
    expect(delivered.map((d) => d.url)).toEqual(
      [15, 16, 17, 18, 19].map((i) => `https://h${i}.example/p.json`),
    );
  });
});
