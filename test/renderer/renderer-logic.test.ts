// The renderer's pure logic, without a browser: host cards from status, terminal text from
// verification events (escape sequences from tools neutralised), doctor grouping, hash routes.
import { describe, expect, it } from 'vitest';
import type { StatusView } from '../../main/common/contract-views';
import { finding } from '../../main/common/doctor-report';
import { hostCards, hostOfUrl } from '../../renderer/screens/dashboard/hosts';
import { eventText, sanitize } from '../../renderer/screens/terminal/verify-ansi';
import { groupFindings } from '../../renderer/screens/troubleshoot/finding-groups';
import { hrefOf, parseHash } from '../../renderer/app/routes';

function status(goprivate: string): StatusView {
  const setting = (key: string, effective: string) => ({
    key,
    effective,
    winner: 'file',
    shellExports: [],
    redacted: false,
  });
  return {
    generatedAt: '2026-01-01T00:00:00Z',
    home: '/home/u',
    goEnv: {
      ok: true,
      value: {
        goFound: true,
        goEnvOk: true,
        supportsGoauth: false,
        envFileExists: true,
        settings: [setting('GOPRIVATE', goprivate), setting('GOPROXY', 'https://proxy.corp.test,direct')],
        shellExports: [],
        problems: [],
      },
    },
    git: {
      ok: true,
      value: {
        cwd: '/home/u',
        entryCount: 3,
        summary: {
          insteadOf: [
            {
              base: 'git@ssh.corp.test:',
              baseDisplay: 'git@ssh.corp.test:',
              prefix: 'https://ssh.corp.test/',
              push: false,
              scope: 'global',
            },
          ],
          credentialHelpers: [
            { scope: 'global', urlScope: 'https://helper.corp.test', helper: 'store', reset: false },
          ],
          credentialOther: [],
          http: [
            {
              scope: 'global',
              url: 'https://git.corp.test/',
              key: 'sslcainfo',
              value: '/ca.pem',
              redacted: false,
            },
          ],
          sshCommand: null,
          problems: [],
        },
      },
    },
    netrc: {
      ok: true,
      value: {
        file: '/home/u/.netrc',
        source: 'home',
        exists: true,
        tooOpen: false,
        problems: [],
        summary: {
          machines: [
            { host: 'git.corp.test', login: 'alice', hasPassword: true, hasAccount: false, line: 1 },
            { host: 'proxy.corp.test', login: 'alice', hasPassword: true, hasAccount: false, line: 2 },
          ],
          hasDefault: false,
          macdefs: [],
          goCompat: [],
        },
      },
    },
    ssh: { ok: false, error: { code: 'io', message: 'not read' } },
    sshConfig: { ok: true, value: { file: '/home/u/.ssh/config', exists: false } },
    sshHosts: [],
    tools: { ok: true, value: { tools: [], problems: [] } },
  } as unknown as StatusView;
}

describe('host cards', () => {
  it('reads hosts from URLs of every form', () => {
    expect(hostOfUrl('https://user:pw@Git.Corp.Test:8443/a')).toBe('git.corp.test');
    expect(hostOfUrl('git@git.corp.test:acme/lib.git')).toBe('git.corp.test');
    expect(hostOfUrl('ssh://git@git.corp.test:22/acme')).toBe('git.corp.test');
    expect(hostOfUrl('not a url')).toBeUndefined();
  });

  it('gathers netrc, helpers, rewrites and CA per host, and flags hosts GOPRIVATE misses', () => {
    const cards = hostCards(status('git.corp.test'), {
      'git.corp.test': { at: '2026-01-01T00:00:00Z', ok: true },
    });
    const by = new Map(cards.map((c) => [c.host, c]));
    const git = by.get('git.corp.test');
    expect(git).toMatchObject({
      protocol: 'https',
      ca: '/ca.pem',
      verdict: 'ok',
      coverage: { noproxy: true, nosumdb: true },
    });
    expect(git?.verified?.ok).toBe(true);
    expect(by.get('proxy.corp.test')?.role).toBe('module proxy');
    expect(by.get('ssh.corp.test')?.protocol).toBe('ssh');
    const helper = by.get('helper.corp.test');
    expect(helper?.credentials[0]?.kind).toBe('helper');
    expect(helper?.verdict).toBe('error');
    expect(helper?.notes.join(' ')).toMatch(/GOPRIVATE/);
  });
});

describe('verification text', () => {
  it('strips escape sequences a tool printed: no cursor moves, titles or hyperlinks', () => {
    expect(sanitize('a\x1b[2Jb\x1b]0;pwned\x07c\x1b]8;;http://x\x1b\\d\x07e')).toBe('abcde');
  });

  it('colours stderr red, headers bold, results ✓/✗', () => {
    expect(eventText({ runId: 'r', stepId: 's', type: 'output', stream: 'stderr', line: 'boom' })).toBe(
      '\x1b[31mboom\x1b[39m\r\n',
    );
    expect(eventText({ runId: 'r', stepId: 's', type: 'step-start', title: 'go mod download' })).toContain(
      '\x1b[1m▶ go mod download',
    );
    expect(eventText({ runId: 'r', stepId: 's', type: 'step-end', ok: false, summary: 'exit 1' })).toContain(
      '✗ exit 1',
    );
  });
});

describe('doctor grouping', () => {
  it('groups by area in route order, worst verdict first', () => {
    const groups = groupFindings([
      finding('https-no-credentials', 'error', 'auth'),
      finding('vcs-missing', 'ok', 'tools'),
      finding('proxy-leak', 'ok', 'coverage'),
      finding('sumdb-leak', 'warning', 'coverage'),
    ]);
    expect(groups.map((g) => [g.key, g.worst])).toEqual([
      ['tools', 'ok'],
      ['env', 'warning'],
      ['auth', 'error'],
    ]);
    expect(groups[1]?.findings[0]?.severity).toBe('warning');
  });
});

describe('hash routes', () => {
  it('round-trips a screen and its parameters, and rejects unknown screens', () => {
    const href = hrefOf('terminal', { module: 'git.corp.test/acme/lib@v1.2.0' });
    expect(parseHash(href)).toEqual({
      screen: 'terminal',
      params: { module: 'git.corp.test/acme/lib@v1.2.0' },
    });
    expect(parseHash('#/nope')).toBeUndefined();
    expect(parseHash('')).toBeUndefined();
  });
});
