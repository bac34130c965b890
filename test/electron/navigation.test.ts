// Links and navigation: deny by default; our origin stays, allow-listed https links go to the
// browser, nothing else leaves the app.
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../main/electron/app-origin';
import { externalUrlToOpen, KNOWN_EXTERNAL_HOSTS } from '../../main/electron/external-links';
import {
  frameNavigationHandler,
  guardWebContents,
  navigationHandler,
  redirectHandler,
  windowOpenHandler,
  type LinkPolicy,
} from '../../main/electron/navigation-guard';
import { StandInShell, StandInWebContents, navEvent } from './stand-ins';

const profileHosts = ['git.corp.example', 'code.corp.example:8443'];

function policy(shell: StandInShell): LinkPolicy {
  return { externalHosts: () => profileHosts, openExternal: (u) => shell.openExternal(u) };
}

describe('externalUrlToOpen (the shell.openExternal allow-list)', () => {
  it.each([
    'https://github.com/golang/go',
    'https://gitlab.com/org/repo/-/settings/access_tokens',
    'https://bitbucket.org/account/settings/app-passwords/',
    'https://gitea.com/user/settings/applications',
    'https://go.dev/ref/mod#private-modules',
    'https://pkg.go.dev/golang.org/x/mod',
    'https://git.corp.example/-/profile/personal_access_tokens',
    'https://code.corp.example:8443/settings/tokens',
    'https://GitHub.com/Upper/Case',
  ])('opens %s', (url) => {
    expect(externalUrlToOpen(url, profileHosts)).toBe(new URL(url).href);
  });

  it.each([
    ['plain http', 'http://github.com/golang/go'],
    ['an unknown host', 'https://evil.example/'],
    ['a look-alike host', 'https://github.com.evil.example/'],
    ['a subdomain (may be user content)', 'https://gist.github.com/x'],
    ['credentials in the URL', 'https://user:pass@github.com/'],
    ['a known host on another port', 'https://github.com:8443/'],
    ['a profile host on another port', 'https://git.corp.example:8443/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['smb:', 'smb://server/share'],
    ['a custom scheme', 'onramp://import?url=https://github.com/'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['whitespace', 'https://github.com/a b'],
    ['a newline', 'https://github.com/\nfoo'],
    ['a huge URL', `https://github.com/${'a'.repeat(3000)}`],
    ['not a URL', 'github.com'],
  ])('refuses %s', (_why, url) => {
    expect(externalUrlToOpen(url, profileHosts)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(externalUrlToOpen(undefined)).toBeNull();
    expect(externalUrlToOpen({ href: 'https://github.com/' })).toBeNull();
  });

  it('the built-in list is the one documented', () => {
    expect([...KNOWN_EXTERNAL_HOSTS].sort()).toEqual(
      ['bitbucket.org', 'gitea.com', 'github.com', 'gitlab.com', 'go.dev', 'pkg.go.dev'].sort(),
    );
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://onramp/index.html', true],
    ['app://onramp/', true],
    ['app://evil/index.html', false],
    ['app://onramp.evil/index.html', false],
    ['app://user@onramp/', false],
    ['file:///app/dist/renderer/index.html', false],
    ['https://onramp/', false],
    ['about:blank', false],
    ['', false],
  ])('%s → %s', (url, ok) => expect(isAppUrl(url)).toBe(ok));
});

describe('navigation handlers', () => {
  it('will-navigate: stays within our origin, sends allowed links to the browser, drops the rest', () => {
    const shell = new StandInShell();
    const onNavigate = navigationHandler(policy(shell));
    const inApp = navEvent('app://onramp/index.html#/setup');
    onNavigate(inApp);
    expect(inApp.defaultPrevented).toBe(false);

    const allowed = navEvent('https://pkg.go.dev/golang.org/x/mod');
    onNavigate(allowed);
    expect(allowed.defaultPrevented).toBe(true);

    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://github.com/',
    ]) {
      const e = navEvent(url);
      onNavigate(e);
      expect(e.defaultPrevented, url).toBe(true);
    }
    expect(shell.opened).toEqual(['https://pkg.go.dev/golang.org/x/mod']);
  });

  it('window.open: always denied; an allowed https link opens in the browser instead', () => {
    const shell = new StandInShell();
    const handler = windowOpenHandler(policy(shell));
    for (const url of [
      'https://github.com/golang/go',
      'https://evil.example/',
      'app://onramp/index.html',
      'file:///etc/passwd',
      'about:blank',
    ])
      expect(handler({ url })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://github.com/golang/go']);
  });

  it('sub-frames never leave our origin and never open anything; the main frame is will-navigate’s', () => {
    const shell = new StandInShell();
    const onFrame = frameNavigationHandler(policy(shell));
    const sub = navEvent('https://github.com/', { isMainFrame: false });
    onFrame(sub);
    expect(sub.defaultPrevented).toBe(true);
    const main = navEvent('https://github.com/', { isMainFrame: true });
    onFrame(main);
    expect(main.defaultPrevented).toBe(false);
    expect(shell.opened).toEqual([]);
  });

  it('redirects are allowed only within our origin and never open the browser', () => {
    const shell = new StandInShell();
    const onRedirect = redirectHandler(policy(shell));
    const out = navEvent('https://github.com/');
    onRedirect(out);
    expect(out.defaultPrevented).toBe(true);
    const inApp = navEvent('app://onramp/index.html');
    onRedirect(inApp);
    expect(inApp.defaultPrevented).toBe(false);
    expect(shell.opened).toEqual([]);
  });

  it('guards a web contents once, however often it is asked', () => {
    const wc = new StandInWebContents();
    const p = policy(new StandInShell());
    guardWebContents(wc, p);
    guardWebContents(wc, p);
    expect(wc.count('will-navigate')).toBe(1);
    expect(wc.count('will-attach-webview')).toBe(1);
  });

  it('recognises one web contents behind two wrappers by its id', () => {
    const p = policy(new StandInShell());
    const a = Object.assign(new StandInWebContents(), { id: 4242 });
    const b = Object.assign(new StandInWebContents(), { id: 4242 });
    guardWebContents(a, p);
    guardWebContents(b, p);
    expect(a.count('will-navigate') + b.count('will-navigate')).toBe(1);
  });
});
