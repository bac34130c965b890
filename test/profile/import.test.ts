// Importing a profile from an https URL or an onramp://import deep link: fetched with its .sig,
// https only (redirects included), size-capped, and checked like a file.
import { createServer, type Server } from 'node:https';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeepLink, profileRef } from '../../main/common/profile/source-ref';
import { loadProfile } from '../../main/core/profile/load';
import { runToolChecked } from '../../main/core/tool-runner';
import { makeTempHome, type TempHome } from '../helpers/temp-home';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { baseProfile, text } from './profile-helpers';

let sb: Sandbox;
let t: TempHome;
let server: Server;
let base: string;
let allowed: string;
const routes = new Map<string, { status: number; body?: string | Buffer; location?: string }>();

beforeAll(async () => {
  sb = await startSandbox();
  t = makeTempHome();
  const key = join(t.home, 'org');
  await runToolChecked('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key], { env: t.env });
  const profilePath = join(t.home, 'corp.json');
  const body = text(baseProfile());
  writeFileSync(profilePath, body);
  await runToolChecked('ssh-keygen', ['-Y', 'sign', '-f', key, '-n', 'onramp-profile', profilePath], {
    env: t.env,
  });
  allowed = join(t.home, 'allowed_signers');
  writeFileSync(
    allowed,
    `it@corp.test ${readFileSync(`${key}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`,
  );
  routes.set('/p/corp.json', { status: 200, body });
  routes.set('/p/corp.json.sig', { status: 200, body: readFileSync(`${profilePath}.sig`) });
  routes.set('/p/unsigned.json', { status: 200, body });
  routes.set('/p/moved.json', { status: 302, location: '/p/corp.json' });
  routes.set('/p/downgrade.json', { status: 302, location: `http://${sb.hosts.git}/p/corp.json` });
  routes.set('/p/huge.json', { status: 200, body: Buffer.alloc(400 * 1024, 0x20) });
  const pki = join(sb.runDir, 'pki');
  server = createServer(
    { key: readFileSync(join(pki, 'good.key')), cert: readFileSync(join(pki, 'good.pem')) },
    (req, res) => {
      const r = routes.get(req.url ?? '') ?? { status: 404 };
      res.writeHead(r.status, r.location ? { location: r.location } : {});
      res.end(r.body);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, sb.addresses.git, resolve));
  base = `https://${sb.hosts.git}:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server?.close();
  t?.cleanup();
});

const load = (ref: string) =>
  loadProfile(ref, t.env, { cwd: t.home, caFile: sb.caFile, allowedSigners: allowed });

describe('import from a URL or a deep link', () => {
  it('fetches the profile and its .sig, and checks the signature', async () => {
    const l = await load(`${base}/p/corp.json`);
    expect(l.origin).toBe(`${base}/p/corp.json`);
    expect(l.parsed.profile.id).toBe('acme');
    expect(l.signature).toMatchObject({ state: 'good', signer: 'it@corp.test' });
  });

  it('onramp://import?url=… works like the URL; a missing .sig is unsigned', async () => {
    const l = await load(`onramp://import?url=${encodeURIComponent(`${base}/p/unsigned.json`)}`);
    expect(l.signature).toEqual({ state: 'unsigned' });
  });

  it('follows an https redirect, refuses one to http', async () => {
    expect((await load(`${base}/p/moved.json`)).origin).toBe(`${base}/p/corp.json`);
    await expect(load(`${base}/p/downgrade.json`)).rejects.toThrow(/must use https/);
  });

  it('refuses oversized answers, 404s and untrusted certificates', async () => {
    await expect(load(`${base}/p/huge.json`)).rejects.toThrow(/larger than/);
    await expect(load(`${base}/p/none.json`)).rejects.toThrow(/HTTP 404/);
    await expect(loadProfile(`${base}/p/corp.json`, t.env, { cwd: t.home })).rejects.toThrow(/cannot fetch/);
  });

  it('reads deep links strictly', () => {
    expect(parseDeepLink('onramp://import?url=https%3A%2F%2Fwiki.corp.test%2Fgo.json')).toBe(
      'https://wiki.corp.test/go.json',
    );
    expect(() => parseDeepLink('onramp://import?url=http%3A%2F%2Fwiki.corp.test%2Fgo.json')).toThrow(/https/);
    expect(() => parseDeepLink('onramp://import?url=https%3A%2F%2Fu%3Ap%40wiki.corp.test%2F')).toThrow(
      /user name/,
    );
    expect(() => parseDeepLink('onramp://import?url=https%3A%2F%2Fa.test%2F&yes=1')).toThrow(
      /exactly one parameter/,
    );
    expect(() => parseDeepLink('onramp://apply?url=https%3A%2F%2Fa.test%2F')).toThrow(
      /only onramp:\/\/import/,
    );
    expect(() => parseDeepLink('onramp://import?url=https://a.test/\n')).toThrow(/control/);
    expect(profileRef('team.json')).toEqual({ kind: 'file', path: 'team.json' });
    expect(() => profileRef('file:///etc/passwd')).toThrow(/https/);
  });
});
