// app:// serving: the renderer files, with the CSP, and nothing outside the renderer directory.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appResponse, appSchemePrivileges, resolveAppFile, serveApp } from '../../main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/csp';
import { StandInProtocol } from './stand-ins';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'onramp-app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Onramp</title>');
  writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'token=hunter2');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

const get = (url: string, method = 'GET') => appResponse(root, { url, method });

describe('resolveAppFile', () => {
  it('maps our URLs into the root', () => {
    expect(resolveAppFile('/r', 'app://onramp/')).toBe('/r/index.html');
    expect(resolveAppFile('/r', 'app://onramp/assets/main.js?v=1#x')).toBe('/r/assets/main.js');
  });

  it.each([
    'app://evil/index.html',
    'https://onramp/index.html',
    'app://onramp/%2e%2e/secret.txt',
    'app://onramp/..%2fsecret.txt',
    'app://onramp/assets/..%2f..%2fsecret.txt',
    'app://onramp/..%5csecret.txt',
    'app://onramp/%2fetc%2fpasswd',
    'app://onramp/index.html%00.js',
    'app://onramp/%E0%A4%A',
    'not a url',
  ])('never resolves outside the root: %s', (url) => {
    // URL parsing already folds '..' (also %2e%2e) at the root; encoded separators must not undo it.
    const file = resolveAppFile('/r', url);
    expect(file === null || file.startsWith('/r/')).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'https://onramp/index.html',
    'app://onramp/index.html%00.js',
    'app://onramp/..%5csecret.txt',
    'app://onramp/%E0%A4%A',
  ])('refuses %s', (url) => expect(resolveAppFile('/r', url)).toBeNull());
});

describe('appResponse', () => {
  it('serves index.html with the CSP and nosniff', async () => {
    const r = await get('app://onramp/index.html');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toContain('<title>Onramp</title>');
  });

  it('serves assets with their type', async () => {
    const r = await get('app://onramp/assets/main.js');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('gives client-side routes the app shell, and missing assets a 404 with the CSP', async () => {
    expect(await (await get('app://onramp/doctor')).text()).toContain('<title>Onramp</title>');
    const missing = await get('app://onramp/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://onramp/../secret.txt',
    'app://onramp/%2e%2e/secret.txt',
    'app://onramp/..%2fsecret.txt',
    'app://onramp/assets/..%2f..%2fsecret.txt',
    'app://onramp/assets/link.txt',
    'app://other/secret.txt',
  ])('never serves a file outside the root: %s', async (url) => {
    const r = await get(url);
    const body = await r.text();
    expect(body).not.toContain('hunter2');
    if (r.status === 200) expect(body).toContain('<title>Onramp</title>');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://onramp/index.html', 'POST')).status).toBe(405);
    const head = await get('app://onramp/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the app scheme', () => {
  it('is standard and secure, and bypasses nothing', () => {
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true });
    expect(appSchemePrivileges.privileges?.bypassCSP).toBeUndefined();
    expect(appSchemePrivileges.privileges?.corsEnabled).toBeUndefined();
  });

  it('is handled with protocol.handle', async () => {
    const protocol = new StandInProtocol();
    serveApp(protocol, root);
    const handler = protocol.handled.get('app');
    expect(handler).toBeTypeOf('function');
    const r = await handler?.(new Request('app://onramp/index.html'));
    expect(r?.status).toBe(200);
  });

  it('CSP: scripts only from our origin, no eval, no objects, no frames', () => {
    const d = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((p) => [p.split(' ')[0], p.split(' ').slice(1)]),
    );
    expect(d['default-src']).toEqual(["'none'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['frame-src']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
