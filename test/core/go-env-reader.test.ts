import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseGoVersion, supportsGoauth } from '../../main/common/go-version';
import { defaultGoEnvFile, readGoEnv, type GoEnvReport } from '../../main/core/go-env-reader';
import { runToolChecked } from '../../main/core/tool-runner';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
beforeEach(() => {
  t = makeTempHome();
});
afterEach(() => t.cleanup());

const goEnvW = (...kv: string[]) => runToolChecked('go', ['env', '-w', ...kv], { env: t.env, cwd: t.home });
const setting = (r: GoEnvReport, key: string) => r.settings.find((s) => s.key === key);
const envFile = () => join(t.home, '.config', 'go', 'env');

describe('readGoEnv (real go, temp HOME)', () => {
  it('reads effective values, the go env file and the version', async () => {
    await goEnvW('GOPRIVATE=git.corp.example', 'GONOSUMDB=sum.corp.example');
    const r = await readGoEnv(t.env, { shellRcFiles: [] });
    expect(r.goFound && r.goEnvOk).toBe(true);
    expect(r.envFile).toBe(envFile());
    expect(r.envFileExists).toBe(true);
    expect(setting(r, 'GOPRIVATE')).toMatchObject({
      effective: 'git.corp.example',
      fileValue: 'git.corp.example',
      fileLine: 2, // go env -w writes keys sorted
      winner: 'file',
    });
    // GONOPROXY is unset and follows GOPRIVATE.
    expect(setting(r, 'GONOPROXY')).toMatchObject({
      effective: 'git.corp.example',
      winner: 'default',
      derivedFrom: 'GOPRIVATE',
    });
    expect(setting(r, 'GOPROXY')).toMatchObject({
      effective: 'https://proxy.golang.org,direct',
      winner: 'default',
    });
    expect(setting(r, 'GOENV')).toMatchObject({ effective: envFile(), winner: 'default' });
    expect(r.version?.major).toBe(1);
    expect(r.version?.minor).toBeGreaterThanOrEqual(19);
    expect(r.supportsGoauth).toBe(supportsGoauth(r.version));
    expect(r.problems).toEqual([]);
  });

  it('an OS variable wins over the file and is reported as an override', async () => {
    await goEnvW('GOPRIVATE=file.corp.example');
    const r = await readGoEnv({ ...t.env, GOPRIVATE: 'os.corp.example' }, { shellRcFiles: [] });
    expect(setting(r, 'GOPRIVATE')).toMatchObject({
      effective: 'os.corp.example',
      osValue: 'os.corp.example',
      fileValue: 'file.corp.example',
      winner: 'os',
    });
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'env-override', severity: 'warning' }));
  });

  it('an empty OS variable does not win (go ignores empty values)', async () => {
    await goEnvW('GOPRIVATE=file.corp.example');
    const r = await readGoEnv({ ...t.env, GOPRIVATE: '' }, { shellRcFiles: [] });
    expect(setting(r, 'GOPRIVATE')).toMatchObject({
      effective: 'file.corp.example',
      osValue: '',
      winner: 'file',
    });
  });

  it('reports a .bashrc export that overrides the go env file, with file:line', async () => {
    await goEnvW('GOPRIVATE=git.corp.example');
    const bashrc = join(t.home, '.bashrc');
    writeFileSync(bashrc, '# go\nalias g=git\nexport GOPRIVATE=x.example\n');
    const r = await readGoEnv(t.env);
    expect(setting(r, 'GOPRIVATE')?.shellExports).toEqual([
      { file: bashrc, line: 3, value: 'x.example', dynamic: false, conditional: false },
    ]);
    // The app's own environment does not have it: the file still wins here.
    expect(setting(r, 'GOPRIVATE')?.winner).toBe('file');
    expect(r.problems).toContainEqual(
      expect.objectContaining({ code: 'env-override', severity: 'warning', file: bashrc, line: 3 }),
    );
  });

  it('flags GONOSUMCHECK in the go env file, the environment and a startup file', async () => {
    mkdirSync(join(t.home, '.config', 'go'), { recursive: true });
    writeFileSync(envFile(), 'GOPRIVATE=git.corp.example\nGONOSUMCHECK=1\n');
    const zshrc = join(t.home, '.zshrc');
    writeFileSync(zshrc, 'export GOPRIVTE=git.corp.example\n');
    const r = await readGoEnv({ ...t.env, GONOSUMCHECK: '1', GOOGLE_CLOUD_PROJECT: 'p' });
    // The go env file's own lint (go-env-file.ts) names the line and the fix.
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        code: 'go-env-file',
        file: envFile(),
        line: 2,
        hint: expect.stringContaining('GONOSUMDB'),
      }),
    );
    const unknown = r.problems.filter((p) => p.code === 'unknown-go-var');
    expect(unknown).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('GONOSUMCHECK (environment)'),
        hint: expect.stringContaining('GONOSUMDB'),
      }),
    );
    expect(unknown).toContainEqual(
      expect.objectContaining({ file: zshrc, line: 1, hint: expect.stringContaining('GOPRIVATE') }),
    );
    // Unrelated GO* names are not noise.
    expect(unknown.some((p) => p.message.includes('GOOGLE'))).toBe(false);
  });

  it('flags GOPRIVATE=https://git.corp wherever it is written', async () => {
    await goEnvW('GOPRIVATE=https://git.corp');
    const profile = join(t.home, '.profile');
    writeFileSync(profile, 'export GONOSUMDB="https://sum.corp"\n');
    const r = await readGoEnv({ ...t.env, GOINSECURE: 'http://insecure.corp' });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ code: 'go-env-file', severity: 'error', file: envFile(), line: 1 }),
    );
    const bad = r.problems.filter((p) => p.code === 'invalid-pattern' && p.severity === 'error');
    expect(bad).toContainEqual(expect.objectContaining({ file: profile, line: 1 }));
    expect(bad.some((p) => p.file === undefined && p.message.includes('GOINSECURE'))).toBe(true);
  });

  it('masks credentials in GOPROXY wherever it shows', async () => {
    await goEnvW('GOPROXY=https://alice:pr0xy-s3cret@proxy.corp.example,direct');
    writeFileSync(join(t.home, '.bashrc'), 'export GOPROXY=https://bob:sh3ll-s3cret@proxy.corp.example\n');
    const r = await readGoEnv({ ...t.env, HTTPS_PROXY: 'x' });
    const text = JSON.stringify(r);
    expect(text).not.toContain('pr0xy-s3cret');
    expect(text).not.toContain('sh3ll-s3cret');
    expect(setting(r, 'GOPROXY')).toMatchObject({ redacted: true, winner: 'file' });
    expect(setting(r, 'GOPROXY')?.effective).toContain('https://alice:');
  });

  it('notes variables this go does not know', async () => {
    const r = await readGoEnv({ ...t.env, GOAUTH: 'netrc' }, { shellRcFiles: [] });
    if (r.supportsGoauth) {
      expect(setting(r, 'GOAUTH')?.effective).toBe('netrc');
    } else {
      expect(setting(r, 'GOAUTH')).toMatchObject({ effective: null, winner: 'os' });
      expect(r.problems).toContainEqual(expect.objectContaining({ code: 'unsupported-go-var' }));
    }
  });

  it('reports a failing go env and a missing go as data', async () => {
    const bad = await readGoEnv({ ...t.env, GO111MODULE: 'bogus' }, { shellRcFiles: [] });
    expect(bad.goEnvOk).toBe(false);
    expect(bad.problems).toContainEqual(expect.objectContaining({ code: 'tool-failed', severity: 'error' }));
    expect(bad.envFile).toBe(envFile());
    expect(setting(bad, 'GOPRIVATE')?.effective).toBeNull();

    const missing = await readGoEnv({ ...t.env, PATH: join(t.home, 'empty-bin') }, { shellRcFiles: [] });
    expect(missing.goFound).toBe(false);
    expect(missing.problems).toContainEqual(expect.objectContaining({ code: 'tool-missing' }));
  });

  it('GOENV=off: no env file, reported', async () => {
    const r = await readGoEnv({ ...t.env, GOENV: 'off' }, { shellRcFiles: [] });
    expect(r.envFile).toBeUndefined();
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'goenv-off' }));
  });
});

describe('go env helpers', () => {
  it('parses versions', () => {
    expect(parseGoVersion('go version go1.19.8 linux/amd64')).toEqual({
      raw: 'go1.19.8',
      major: 1,
      minor: 19,
      patch: 8,
    });
    expect(parseGoVersion('go1.24rc1')).toMatchObject({ minor: 24, patch: 0, prerelease: 'rc1' });
    expect(parseGoVersion('go1.22.0')).toMatchObject({ minor: 22, patch: 0 });
    expect(parseGoVersion('devel go1.25-abcdef Tue')).toMatchObject({ minor: 25, prerelease: 'devel' });
    expect(parseGoVersion('nope')).toBeUndefined();
    expect(supportsGoauth(parseGoVersion('go1.24.0'))).toBe(true);
    expect(supportsGoauth(parseGoVersion('go1.23.9'))).toBe(false);
    expect(supportsGoauth(parseGoVersion('go2.0'))).toBe(true);
  });

  it('knows the default go env file location', () => {
    expect(defaultGoEnvFile({ HOME: '/h' }, 'linux')).toBe('/h/.config/go/env');
    expect(defaultGoEnvFile({ HOME: '/h', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/go/env');
    expect(defaultGoEnvFile({ HOME: '/h' }, 'darwin')).toBe('/h/Library/Application Support/go/env');
    expect(defaultGoEnvFile({ GOENV: 'off' }, 'linux')).toBeUndefined();
  });
});
