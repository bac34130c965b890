// Preferences: the schema electron-store enforces (checked here with conf, the store
// electron-store is built on, since electron-store itself needs Electron's app), no secrets,
// and the profile hosts that join the link allow-list.
import Conf from 'conf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanBounds,
  preferencesDefaults,
  preferencesSchema,
  type PreferencesData,
} from '../../main/electron/preferences-schema';
import { linkHostsOfProfileRef, observeProfiles } from '../../main/electron/profile-hosts';

function store() {
  const cwd = mkdtempSync(join(tmpdir(), 'onramp-prefs-'));
  const s = new Conf<PreferencesData>({
    cwd,
    projectName: 'onramp-test',
    configName: 'preferences',
    schema: preferencesSchema,
    defaults: preferencesDefaults,
    clearInvalidConfig: true,
  });
  return { s, file: join(cwd, 'preferences.json') };
}

describe('preferences schema', () => {
  it('stores bounds, theme and a profile reference', () => {
    const { s, file } = store();
    expect(s.get('theme')).toBe('system');
    s.set('windowBounds', { x: -50, y: 0, width: 1200, height: 800, maximized: true });
    s.set('theme', 'dark');
    s.set('lastProfile', '/home/dev/team.onramp.json');
    s.set('lastProfile', 'C:\\Users\\dev\\team.onramp.json');
    s.set('lastProfile', 'https://intranet.corp.example/go/team.onramp.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      theme: 'dark',
      windowBounds: { x: -50, y: 0, width: 1200, height: 800, maximized: true },
      lastProfile: 'https://intranet.corp.example/go/team.onramp.json',
    });
  });

  it.each([
    ['a URL with a query (a token could hide there)', 'https://corp.example/p.json?token=abc'],
    ['a URL with credentials', 'https://user:secret@corp.example/p.json'],
    ['a URL with a fragment', 'https://corp.example/p.json#x'],
    ['an http URL', 'http://corp.example/p.json'],
    ['another scheme', 'ftp://corp.example/p.json'],
    ['an empty string', ''],
    ['control characters', '/tmp/a\u0007b'],
  ])('refuses a profile reference with %s', (_why, ref) => {
    expect(() => store().s.set('lastProfile', ref)).toThrow();
  });

  it('refuses unknown themes, malformed bounds and unknown bounds keys', () => {
    const { s } = store();
    expect(() => s.set('theme', 'neon' as never)).toThrow();
    expect(() => s.set('windowBounds', { width: 'wide', height: 800 } as never)).toThrow();
    expect(() => s.set('windowBounds', { width: 1.5, height: 800 })).toThrow();
    expect(() => s.set('windowBounds', { width: 1000, height: 800, token: 'x' } as never)).toThrow();
  });

  it('has no place for a secret', () => {
    const keys = JSON.stringify(preferencesSchema).toLowerCase();
    for (const word of ['token', 'password', 'secret', 'credential', 'key"'])
      expect(keys).not.toContain(word);
  });

  it('cleanBounds rounds to what the schema accepts', () => {
    expect(cleanBounds({ x: 10.4, y: 20.6, width: 1000.2, height: 699.9, maximized: false })).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 700,
    });
    const { s } = store();
    s.set('windowBounds', cleanBounds({ width: 1000.7, height: 700.2 }));
  });
});

describe('linkHostsOfProfileRef', () => {
  it('reads the hosts of a profile file', async () => {
    expect(await linkHostsOfProfileRef('test/fixtures/profiles/acme.json')).toEqual(['git.corp.test']);
  });

  it('gives nothing for URLs (no network at start-up), missing or invalid files', async () => {
    expect(await linkHostsOfProfileRef('https://corp.example/p.json')).toEqual([]);
    expect(await linkHostsOfProfileRef('/nonexistent/profile.json')).toEqual([]);
    expect(await linkHostsOfProfileRef('test/fixtures/profiles/malformed.json')).toEqual([]);
    expect(await linkHostsOfProfileRef(undefined)).toEqual([]);
  });
});

describe('observeProfiles', () => {
  const view = (origin: string) => ({
    ok: true as const,
    value: {
      handle: 'h',
      id: 'acme',
      name: 'Acme',
      origin,
      hosts: ['git.corp.test', 'code.corp.test:8443'],
      testModules: [],
    },
  });

  it('adds an opened profile’s hosts to the allow-list and remembers where it came from', async () => {
    const hosts: string[][] = [];
    const remembered: string[] = [];
    for (const origin of [
      '/home/dev/acme.json',
      'https://corp.test/acme.json',
      'preset:github',
      'pasted.json',
    ]) {
      const reply = view(origin);
      const d = observeProfiles(
        { call: async () => reply as never },
        {
          allowLinkHosts: (h) => hosts.push(h),
          rememberProfile: (r) => remembered.push(r),
        },
      );
      expect(await d.call('profile.open', { source: origin })).toBe(reply);
    }
    expect(hosts).toHaveLength(4);
    expect(hosts[0]).toEqual(['git.corp.test', 'code.corp.test:8443']);
    expect(remembered).toEqual(['/home/dev/acme.json', 'https://corp.test/acme.json']);
  });

  it('ignores failed opens and other methods', async () => {
    const seen: unknown[] = [];
    const o = { allowLinkHosts: (h: string[]) => seen.push(h), rememberProfile: (r: string) => seen.push(r) };
    await observeProfiles(
      { call: async () => ({ ok: false, error: { code: 'parse', message: 'x' } }) },
      o,
    ).call('profile.open', {});
    await observeProfiles({ call: async () => view('/x.json') as never }, o).call('status.read', {});
    expect(seen).toEqual([]);
  });
});
