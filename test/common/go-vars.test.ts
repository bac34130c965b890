import { describe, expect, it } from 'vitest';
import { GO_VARS, goVarInfo, isKnownGoVar, suggestGoVar } from '../../main/common/go-vars';

// internal/cfg.KnownEnv of go 1.24/1.25 (every variable the go env file can set).
const knownEnvLatest = `AR CC CGO_CFLAGS CGO_CFLAGS_ALLOW CGO_CFLAGS_DISALLOW CGO_CPPFLAGS CGO_CPPFLAGS_ALLOW
  CGO_CPPFLAGS_DISALLOW CGO_CXXFLAGS CGO_CXXFLAGS_ALLOW CGO_CXXFLAGS_DISALLOW CGO_ENABLED CGO_FFLAGS
  CGO_FFLAGS_ALLOW CGO_FFLAGS_DISALLOW CGO_LDFLAGS CGO_LDFLAGS_ALLOW CGO_LDFLAGS_DISALLOW CXX FC GCCGO
  GO111MODULE GO386 GOAMD64 GOARCH GOARM GOARM64 GOAUTH GOBIN GOCACHE GOCACHEPROG GOENV GOEXE GOEXPERIMENT
  GOFIPS140 GOFLAGS GOGCCFLAGS GOHOSTARCH GOHOSTOS GOINSECURE GOMIPS GOMIPS64 GOMODCACHE GONOPROXY GONOSUMDB
  GOOS GOPATH GOPPC64 GOPRIVATE GOPROXY GORISCV64 GOROOT GOSUMDB GOTMPDIR GOTOOLCHAIN GOTOOLDIR GOVCS GOWASM
  GOWORK GO_EXTLINK_ENABLED PKG_CONFIG`.split(/\s+/);

describe('go variables', () => {
  it('knows every variable of go 1.24/1.25 KnownEnv, and the go env / runtime extras', () => {
    for (const name of knownEnvLatest) expect(isKnownGoVar(name), name).toBe(true);
    for (const name of ['GODEBUG', 'GOMOD', 'GOVERSION', 'GOTELEMETRY', 'GOMEMLIMIT', 'GIT_ALLOW_PROTOCOL']) {
      expect(isKnownGoVar(name), name).toBe(true);
    }
  });

  it('lists each name once, with a plausible release', () => {
    expect(new Set(GO_VARS.map((v) => v.name)).size).toBe(GO_VARS.length);
    for (const v of GO_VARS) expect(v.since, v.name).toBeLessThanOrEqual(25);
    expect(goVarInfo('GOAUTH')).toMatchObject({ kind: 'config', since: 24, writable: true });
    expect(goVarInfo('GOENV')).toMatchObject({ kind: 'os-only', writable: false });
  });

  it('is case-sensitive, as go is', () => {
    expect(isKnownGoVar('goprivate')).toBe(false);
    expect(isKnownGoVar('GONOSUMCHECK')).toBe(false);
  });

  it.each([
    ['GONOSUMCHECK', 'GONOSUMDB'],
    ['GONOVERIFY', 'GONOSUMDB'],
    ['GOPRIVTE', 'GOPRIVATE'],
    ['GOPRIAVTE', 'GOPRIVATE'],
    ['GO_PRIVATE', 'GOPRIVATE'],
    ['goprivate', 'GOPRIVATE'],
    ['GOPROXIES', 'GOPROXY'],
    ['GONOPROXIES', 'GONOPROXY'],
    ['GO11MODULE', 'GO111MODULE'],
    ['GOFLAG', 'GOFLAGS'],
    ['CGO_ENABLE', 'CGO_ENABLED'],
    ['cgo_enabled', 'CGO_ENABLED'],
    ['GOINSECUR', 'GOINSECURE'],
  ])('suggests %s → %s', (typo, meant) => {
    expect(suggestGoVar(typo)).toBe(meant);
  });

  it('suggests nothing for known names, unrelated names, and names too far from any', () => {
    for (const name of ['GOPRIVATE', 'PATH', 'HOME', 'GOPACKAGESDRIVER_X', 'GOXYZZY', 'EDITOR']) {
      expect(suggestGoVar(name), name).toBeUndefined();
    }
  });
});
