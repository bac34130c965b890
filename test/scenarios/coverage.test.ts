// Root causes in the go env layer: break a healthy machine, doctor names the cause, the fix
// that needs no secret is applied as a plan, and a real `go mod download` is green again.
import { afterEach, describe, expect, it } from 'vitest';
import { machine, type Machine } from './harness';

let m: Machine | undefined;
afterEach(() => m?.cleanup());

describe('doctor scenarios: coverage and environment', () => {
  it('a healthy machine is green', async () => {
    m = await machine();
    const r = await m.doctor();
    expect(r.primary).toBeNull();
    expect(m.download().ok).toBe(true);
  });

  it('proxy-leak: GOPRIVATE does not cover the host → fix add-goprivate → green', async () => {
    m = await machine();
    m.goenv('GOPRIVATE=');
    const lib = `${m.sb.repos.lib.module}@v1.0.0`;
    expect(m.fetch(lib).output).toMatch(/sum\.golang\.test.*(404|410)|verifying/);
    const r = await m.doctor();
    expect(r.primary).toBe('proxy-leak');
    const fix = await m.onramp(['fix', '--all', '--yes', '--json']);
    expect(JSON.parse(fix.out)).toMatchObject({ before: 'proxy-leak', after: null, fixedPrimary: true });
    expect(m.download().ok).toBe(true);
    expect(m.fetch(lib).ok).toBe(true);
  });

  it('sumdb-leak: GONOPROXY covers the host but GONOSUMDB does not → fix add-gonosumdb → green', async () => {
    m = await machine();
    m.goenv('GOPRIVATE=', 'GONOPROXY=*.corp.test');
    expect((await m.doctor()).primary).toBe('sumdb-leak');
    const fix = await m.onramp(['fix', 'add-gonosumdb', '--yes', '--json']);
    expect(JSON.parse(fix.out)).toMatchObject({ before: 'sumdb-leak', after: null });
    expect(m.download().ok).toBe(true);
  });

  it('proxy-disabled: GOPROXY=off and the host not in GOPRIVATE → fix → green', async () => {
    m = await machine();
    m.goenv('GOPRIVATE=', 'GOPROXY=off');
    expect((await m.doctor()).primary).toBe('proxy-disabled');
    expect(JSON.parse((await m.onramp(['fix', '--all', '--yes', '--json'])).out)).toMatchObject({
      after: null,
    });
    expect(m.download().ok).toBe(true);
  });

  it('env-override: an exported GOPRIVATE hides the go env file setting', async () => {
    m = await machine();
    m.env.GOPRIVATE = 'github.com/someone-else';
    const r = await m.doctor();
    expect(r.primary).toBe('env-override');
    expect(r.findings[0]?.fixes.map((f) => f.id)).toContain('move-shell-export');
  });

  it('env-override from ~/.bashrc: --all will not edit it; naming move-shell-export does, with consent', async () => {
    m = await machine();
    const { readFileSync, writeFileSync } = await import('node:fs');
    const rc = `${m.home}/.bashrc`;
    writeFileSync(rc, '# mine\nexport GOPRIVATE=github.com/someone-else\nalias ll="ls -l"\n');
    m.env.GOPRIVATE = 'github.com/someone-else'; // what a shell that sourced .bashrc exports
    expect((await m.doctor()).primary).toBe('env-override');
    const all = JSON.parse((await m.onramp(['fix', '--all', '--yes', '--json'])).out);
    expect(all.skipped.map((x: { fix: string }) => x.fix)).toContain('move-shell-export');
    expect(readFileSync(rc, 'utf8')).toContain('\nexport GOPRIVATE=');
    const named = JSON.parse((await m.onramp(['fix', 'move-shell-export', '--yes', '--json'])).out);
    expect(named.plan.changes.map((c: { file: string }) => c.file)).toContain(rc);
    expect(readFileSync(rc, 'utf8')).toBe(
      '# mine\n# export GOPRIVATE=github.com/someone-else  # disabled by onramp: GOPRIVATE lives in the go env file\nalias ll="ls -l"\n',
    );
    delete m.env.GOPRIVATE; // a new shell no longer exports it
    expect((await m.doctor()).primary).toBeNull();
    expect((await m.onramp(['undo'])).code).toBe(0);
    expect(readFileSync(rc, 'utf8')).toContain('\nexport GOPRIVATE=');
  });

  it('modules-off: GO111MODULE=off in the go env file → fix enable-modules → green', async () => {
    m = await machine();
    m.goenv('GO111MODULE=off');
    expect((await m.doctor()).primary).toBe('modules-off');
    expect(JSON.parse((await m.onramp(['fix', 'enable-modules', '--yes', '--json'])).out)).toMatchObject({
      after: null,
    });
    expect(m.download().ok).toBe(true);
  });

  it('private-proxy-misconfig: the company proxy cannot serve the module (no credential for it)', async () => {
    m = await machine();
    m.goenv('GOPRIVATE=', 'GONOSUMDB=*.corp.test', `GOPROXY=${m.sb.goproxyUrl}`);
    m.netrc([`machine ${m.sb.hosts.git} login alice password ${m.sb.users.alice.token}`]);
    expect((await m.doctor()).primary).toBe('private-proxy-misconfig');
  });

  it('vcs-missing: git is not on PATH', async () => {
    m = await machine();
    const { mkdirSync, symlinkSync } = await import('node:fs');
    const bin = `${m.root}/bin`;
    mkdirSync(bin);
    symlinkSync('/usr/bin/go', `${bin}/go`);
    m.env.PATH = bin;
    expect((await m.doctor()).primary).toBe('vcs-missing');
  });

  it('modcache-permissions: the module cache cannot be written', async () => {
    m = await machine();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${m.root}/not-a-dir`, '');
    m.goenv(`GOMODCACHE=${m.root}/not-a-dir/mod`);
    expect((await m.doctor()).primary).toBe('modcache-permissions');
  });
});
