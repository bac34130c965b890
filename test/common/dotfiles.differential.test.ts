// Differential checks against the real readers: our model of Go's and curl's netrc reading
// (goNetrcEntries, curlLookup) against go 1.19 and curl sending Basic auth to a local server,
// and hostOptions against `ssh -G`. Skipped where a tool is missing.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  curlLookup,
  goLookup,
  goNetrcEntries,
  parseNetrc,
  type NetrcDocument,
  type NetrcEntry,
} from '../../main/common/netrc';
import { hostOptions, parseSshConfig } from '../../main/common/ssh-config';
import { netrcCase } from './netrc.arbitraries';

/**
 * The cases curlLookup models (its comment lists the curl 7.88 quirks it leaves out): no blank
 * or CR at the end of a line, no keyword with its value on another line, and the first matching
 * entry with a login or password has each exactly once and no macdef (curl 7.88 does not see a
 * macdef inside a matching entry).
 */
function wellFormedForCurl(doc: NetrcDocument, host: string): boolean {
  // curl 7.88 reads blanks or CR before a line break as one more (empty) token.
  if (/[ \t\r]\n|[ \t]$/.test(doc.text)) return false;
  const tokens = doc.entries.flatMap((e) => [
    [e.keyword, e.name ?? e.keyword],
    ...e.fields.map((f) => [f.keyword, f.value]),
  ]);
  if (tokens.some(([k, v]) => k?.line !== v?.line)) return false;
  const matches = (e: NetrcEntry) => e.kind === 'default' || e.name?.value === host;
  const first = doc.entries.find((e) => matches(e) && e.fields.some((f) => f.key !== 'account'));
  if (first === undefined) return doc.entries.every((e) => !matches(e) || e.macdefs.length === 0);
  const count = (key: string) => first.fields.filter((f) => f.key === key).length;
  return count('login') === 1 && count('password') === 1 && first.macdefs.length === 0;
}

const has = (cmd: string, arg: string) => spawnSync(cmd, [arg]).status === 0;
const run = (cmd: string, args: string[], opts: { env: Record<string, string>; cwd?: string }) =>
  new Promise<void>((resolve) => execFile(cmd, args, { ...opts, timeout: 20_000 }, () => resolve()));

describe.runIf(has('go', 'version') && has('curl', '--version') && has('openssl', 'version'))(
  'netrc against go 1.19 and curl',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'onramp-netrc-diff-'));
    const netrc = join(dir, 'netrc');
    let auth: string | null | undefined;
    const servers: http.Server[] = [];
    let goEnv: Record<string, string>;
    let httpUrl = '';
    const handler: http.RequestListener = (req, res) => {
      const h = req.headers.authorization;
      auth = h === undefined ? null : Buffer.from(h.replace(/^Basic /, ''), 'base64').toString('utf8');
      res.statusCode = 404;
      res.end();
    };
    const listen = (s: http.Server) =>
      new Promise<number>((resolve) =>
        s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)),
      );

    beforeAll(async () => {
      const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
      const subj = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
      spawnSync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        ...subj,
      ]);
      const tlsServer = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, handler);
      const plain = http.createServer(handler);
      servers.push(tlsServer, plain);
      const [tlsPort, plainPort] = [await listen(tlsServer), await listen(plain)];
      httpUrl = `http://127.0.0.1:${plainPort}/`;
      mkdirSync(join(dir, 'work'));
      // go reads netrc only for its own HTTPS requests (here: the GOPROXY lookup).
      goEnv = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: dir,
        GOENV: join(dir, 'goenv'),
        GOPATH: join(dir, 'gopath'),
        GOCACHE: join(dir, 'gocache'),
        GOTOOLCHAIN: 'local',
        GO111MODULE: 'on',
        GOFLAGS: '-modcacherw',
        GOPROXY: `https://127.0.0.1:${tlsPort}`,
        GOSUMDB: 'off',
        NETRC: netrc,
        SSL_CERT_FILE: cert,
      };
    });
    afterAll(() => {
      for (const s of servers) s.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('go sends exactly what goNetrcEntries predicts for 127.0.0.1', async () => {
      await fc.assert(
        fc.asyncProperty(netrcCase, async (c) => {
          writeFileSync(netrc, c.text);
          auth = undefined;
          await run('go', ['mod', 'download', '-json', 'example.com/m@v1.0.0'], {
            env: goEnv,
            cwd: join(dir, 'work'),
          });
          const g = goLookup(goNetrcEntries(c.text), '127.0.0.1');
          expect(auth).toBe(g === null ? null : `${g.login}:${g.password}`);
        }),
        { numRuns: 100 },
      );
    });

    it('curl sends what curlLookup predicts for 127.0.0.1 (well-formed entries)', async () => {
      await fc.assert(
        fc.asyncProperty(netrcCase, async (c) => {
          fc.pre(wellFormedForCurl(parseNetrc(c.text, 'netrc'), '127.0.0.1'));
          writeFileSync(netrc, c.text);
          auth = undefined;
          await run('curl', ['-s', '--noproxy', '*', '--netrc-file', netrc, httpUrl], {
            env: { PATH: goEnv.PATH as string },
          });
          const cur = curlLookup(parseNetrc(c.text, 'netrc'), '127.0.0.1');
          expect(auth).toBe(cur === null ? null : `${cur.login}:${cur.password}`);
        }),
        { numRuns: 100 },
      );
    });
  },
);

describe.runIf(has('ssh', '-V'))('hostOptions against ssh -G', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-ssh-diff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const option = fc.oneof(
    fc.constantFrom('git', 'alice').map((v) => `User ${v}`),
    fc.integer({ min: 1, max: 65535 }).map((v) => `Port=${v}`),
    fc.constantFrom('real.example', '10.0.0.1').map((v) => `HostName ${v}`),
    fc.constantFrom('/k/a', '/k/b', '"/k/with space"').map((v) => `IdentityFile ${v}`),
    fc.constantFrom('yes', 'no').map((v) => `IdentitiesOnly = ${v}`),
  );
  const host = fc
    .array(fc.constantFrom('*', 'h?', 'h1', '!h2', '*.example', '!a.*', 'x.test'), {
      minLength: 1,
      maxLength: 3,
    })
    .map((p) => `Host ${p.join(' ')}`);
  const config = fc.array(
    fc.oneof({ weight: 3, arbitrary: option.map((o) => `  ${o}`) }, { weight: 1, arbitrary: host }),
    { maxLength: 12 },
  );

  it('agrees on User, Port, HostName, IdentitiesOnly and IdentityFile', () => {
    fc.assert(
      fc.property(config, fc.constantFrom('h1', 'h2', 'a.example', 'x.test'), (lines, alias) => {
        const file = join(dir, 'config');
        writeFileSync(file, lines.join('\n') + '\n');
        const r = spawnSync('ssh', ['-G', '-F', file, alias], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
        });
        expect(r.status).toBe(0);
        const ssh = new Map<string, string[]>();
        for (const l of r.stdout.split('\n')) {
          const [k, ...v] = l.split(' ');
          if (k) ssh.set(k, [...(ssh.get(k) ?? []), v.join(' ')]);
        }
        const view = hostOptions(parseSshConfig(lines.join('\n'), 'config'), alias);
        expect(view.uncertain).toEqual([]);
        if (view.user) expect(ssh.get('user')).toEqual([view.user.value]);
        if (view.port) expect(ssh.get('port')).toEqual([view.port.value]);
        if (view.hostName) expect(ssh.get('hostname')).toEqual([view.hostName.value]);
        if (view.identitiesOnly) expect(ssh.get('identitiesonly')).toEqual([view.identitiesOnly.value]);
        if (view.identityFiles.length > 0)
          expect(ssh.get('identityfile')).toEqual(view.identityFiles.map((f) => f.value));
      }),
      { numRuns: 150 },
    );
  });
});
