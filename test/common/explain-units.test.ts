// Unit tests for explainOutput beyond the fixture corpus: redaction, nesting, context, ranking
// invariants, prefilter coverage and a 10 MB log.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  explainOutput,
  fixCatalog,
  redactLine,
  taxonomyIds,
  taxonomyTitles,
} from '../../main/common/explain';
import { anchors, isNoiseLine } from '../../main/common/explain/prefilter';
import { allRules } from '../../main/common/explain/scan';
import { loadFixtures } from './explain-fixtures';

const primary = (text: string, ctx = {}) => explainOutput(text, ctx).causes[0];
const ids = (text: string, ctx = {}) => explainOutput(text, ctx).causes.map((c) => c.id);

// Wording from the task brief and go's own formats (cmd/go/internal/modfetch/proxy.go).
const SUMDB_NESTED = [
  'verifying github.com/acme/private@v1.4.0/go.mod: github.com/acme/private@v1.4.0/go.mod: reading https://sum.golang.org/lookup/github.com/acme/private@v1.4.0: 404 Not Found',
  "\tserver response: not found: github.com/acme/private@v1.4.0: invalid version: git ls-remote -q origin in /tmp/gopath/pkg/mod/cache/vcs/9a1b: exit status 128: fatal: could not read Username for 'https://github.com': terminal prompts disabled",
].join('\n');
const PROXY_410_AUTH = [
  'go: github.com/acme/private@v1.4.0: reading https://proxy.golang.org/github.com/acme/private/@v/v1.4.0.mod: 410 Gone',
  '\tserver response: not found: github.com/acme/private@v1.4.0: invalid version: git ls-remote -q origin in /tmp/gopath/pkg/mod/cache/vcs/9a1b: exit status 128:',
  "\t\tfatal: could not read Username for 'https://github.com': terminal prompts disabled",
].join('\n');
const PROXY_LIST_404 =
  'go: module git.corp.test/acme/lib: reading https://proxy.golang.org/git.corp.test/acme/lib/@v/list: 404 Not Found';
const PROMPTS = [
  'go: git.corp.test/acme/lib@v1.2.0: invalid version: git ls-remote -q origin in /home/u/go/pkg/mod/cache/vcs/5c1e: exit status 128:',
  "\tfatal: could not read Username for 'https://git.corp.test': terminal prompts disabled",
].join('\n');

describe('taxonomy and fix tables', () => {
  const taxonomyMd = join(import.meta.dirname, '..', '..', '..', 'shared', 'taxonomy.md');
  it.skipIf(!existsSync(taxonomyMd))('exports exactly the ids of shared/taxonomy.md', () => {
    const md = readFileSync(taxonomyMd, 'utf8');
    const fromMd = [...md.matchAll(/^\| ([a-z-]+) \|/gm)].map((m) => m[1]).filter((id) => id !== 'id');
    expect([...taxonomyIds].sort()).toEqual(fromMd.sort());
  });

  it('has a title for every id and a title/description for every fix', () => {
    for (const id of taxonomyIds) expect(taxonomyTitles[id].length).toBeGreaterThan(5);
    for (const [id, fix] of Object.entries(fixCatalog)) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(fix.title.length).toBeGreaterThan(5);
      expect(fix.description.length).toBeGreaterThan(10);
    }
  });
});

describe('prefilter', () => {
  it('every rule gate contains an anchor, so no rule can be skipped', () => {
    for (const rule of allRules)
      for (const gate of rule.gate)
        expect(
          anchors.some((a) => gate.includes(a)),
          `${rule.name}: "${gate}"`,
        ).toBe(true);
  });

  it('skips -x trace lines and nothing that carries an error', () => {
    expect(isNoiseLine('# get https://proxy.golang.org/x/@v/list: 200 OK (0.01s)', 0)).toBe(true);
    expect(isNoiseLine('0.023s # cd /tmp; git ls-remote -q origin', 0)).toBe(true);
    expect(isNoiseLine('go: downloading github.com/a/b v1.0.0', 0)).toBe(true);
    expect(
      isNoiseLine('go: github.com/a/b@v1.0.0: reading https://proxy.golang.org/…: 404 Not Found', 0),
    ).toBe(false);
    expect(
      isNoiseLine("fatal: could not read Username for 'https://github.com': terminal prompts disabled", 0),
    ).toBe(false);
  });
});

describe('redaction', () => {
  it('masks URL passwords, token users, auth headers, extraheaders and TOKEN= values', () => {
    expect(redactLine('fatal: unable to access https://deploy:hunter2@git.corp.test/a.git')).toBe(
      'fatal: unable to access https://deploy:•••@git.corp.test/a.git',
    );
    expect(
      redactLine(
        "fatal: unable to access 'https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/a/b/'",
      ),
    ).toBe("fatal: unable to access 'https://•••@github.com/a/b/'");
    expect(redactLine('Authorization: Basic dXNlcjpwYXNz')).toBe('Authorization: Basic •••');
    expect(redactLine('git -c http.extraheader="AUTHORIZATION: bearer abc.def" fetch')).toBe(
      'git -c http.extraheader="AUTHORIZATION: bearer •••" fetch',
    );
    expect(redactLine('export GITHUB_TOKEN=ghp_1234567890abcdefghijklmnop')).toBe('export GITHUB_TOKEN=•••');
    // A user name alone is not a secret, and plain messages are untouched.
    expect(redactLine("fatal: Authentication failed for 'https://FilipDz@bitbucket.org/x.git/'")).toContain(
      'FilipDz@',
    );
    expect(redactLine('remote: Invalid username or password.')).toBe('remote: Invalid username or password.');
  });

  it('never puts a secret into evidence', () => {
    const out = explainOutput(
      'go: git.corp.test/acme/lib@v1.2.0: reading https://ci:s3cr3t-value@athens.corp.test/git.corp.test/acme/lib/@v/v1.2.0.info: 404 Not Found',
    );
    const text = JSON.stringify(out);
    expect(text).not.toContain('s3cr3t-value');
    expect(out.causes[0]?.evidence[0]).toContain('https://ci:•••@athens.corp.test');
  });
});

describe('nested output', () => {
  it('sumdb lookup quoting a git auth failure: sumdb-leak first, the auth failure folded', () => {
    const r = explainOutput(SUMDB_NESTED);
    expect(r.causes[0]?.id).toBe('sumdb-leak');
    expect(r.causes[0]?.secondary).toContain('https-no-credentials');
    expect(r.causes[0]?.module).toBe('github.com/acme/private');
    const quoted = r.causes.find((c) => c.id === 'https-no-credentials');
    expect(quoted?.confidence ?? 0).toBeLessThan(0.5);
  });

  it("proxy.golang.org's 410 wrapping an auth failure is a proxy leak", () => {
    const r = explainOutput(PROXY_410_AUTH);
    expect(r.causes[0]?.id).toBe('proxy-leak');
    expect(r.causes[0]?.secondary).toContain('https-no-credentials');
    expect(r.causes[0]?.host).toBe('github.com');
  });

  it('a proxy that could read the repository (unknown revision) is not a leak', () => {
    const r = explainOutput(
      'go: github.com/acme/lib@v1.9.9: reading https://proxy.golang.org/github.com/acme/lib/@v/v1.9.9.info: 404 Not Found\n\tserver response: not found: github.com/acme/lib@v1.9.9: invalid version: unknown revision v1.9.9',
    );
    expect(r.causes[0]?.id).toBe('unknown-revision');
  });

  it('the same error with go get: and go: prefixes, 404 and 410, and go 1.12 wording', () => {
    const a = PROXY_LIST_404;
    expect(primary(a)?.id).toBe('proxy-leak');
    expect(primary(a.replace('go: ', 'go get: '))?.id).toBe('proxy-leak');
    expect(primary(a.replace('404 Not Found', '410 Gone'))?.id).toBe('proxy-leak');
    expect(
      primary(
        'go: git.corp.test/acme/lib@v1.2.0: unexpected status (https://proxy.golang.org/git.corp.test/acme/lib/@v/v1.2.0.info): 410 Gone',
      )?.id,
    ).toBe('proxy-leak');
  });
});

describe('context', () => {
  it('terminal prompts disabled: no credential configured → https-no-credentials', () => {
    expect(primary(PROMPTS, { netrcHosts: ['other.test'], credentialHelperHosts: [] })?.id).toBe(
      'https-no-credentials',
    );
  });

  it('terminal prompts disabled with a netrc entry or helper → auth-rejected, lower confidence, active check', () => {
    for (const ctx of [{ netrcHosts: ['git.corp.test'] }, { credentialHelperHosts: ['*'] }]) {
      const c = primary(PROMPTS, ctx);
      expect(c?.id).toBe('auth-rejected');
      expect(c?.confidence).toBeLessThan(0.7);
      expect(c?.secondary).toContain('https-no-credentials');
      expect(c?.explanation).toMatch(/active check/);
    }
  });

  it('proxy 404 for a module GOPRIVATE does not cover → proxy-leak with high confidence', () => {
    const c = primary(PROXY_LIST_404, { goprivate: 'github.com/acme/*' });
    expect(c?.id).toBe('proxy-leak');
    expect(c?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('proxy 404 for a module GOPRIVATE covers → proxy-leak is not primary', () => {
    for (const ctx of [{ goprivate: 'git.corp.test' }, { gonoproxy: '*.corp.test', goprivate: '' }]) {
      const r = explainOutput(PROXY_LIST_404, ctx);
      expect(r.causes[0]?.id).not.toBe('proxy-leak');
      expect(r.causes[0]?.id).toBe('env-override');
    }
  });

  it('a GitHub "not found" is an access question when a credential exists, a credential question otherwise', () => {
    const text =
      "remote: Repository not found.\nfatal: repository 'https://github.com/acme/private/' not found";
    const none = primary(text);
    expect(none?.id).toBe('repo-not-found');
    expect(none?.confidence).toBeLessThan(0.8);
    expect(none?.secondary).toContain('https-no-credentials');
    expect(none?.explanation).toMatch(/private repository/);
    const withCred = primary(text, { credentialHelperHosts: ['github.com'] });
    expect(withCred?.secondary).toEqual(expect.arrayContaining(['forbidden', 'foreign-private']));
  });

  it('an Authorization extraheader next to a "not found": the CI header is the credential that won', () => {
    // Config line as actions/checkout prints it (actions/checkout#181), then the failure from
    // mvdan/github-actions-golang#15.
    const text = [
      '/usr/bin/git config --local http.https://github.com/.extraheader AUTHORIZATION: basic ***',
      '\tremote: Repository not found.',
      "\tfatal: repository 'https://github.com/company/repo/' not found",
    ].join('\n');
    const c = primary(text);
    expect(c?.id).toBe('credential-precedence');
    expect(c?.secondary).toContain('repo-not-found');
    expect(c?.fixes.map((f) => f.id)).toContain('remove-extraheader');
  });

  it('offers GOAUTH=git only from Go 1.24', () => {
    const fixes = (goVersion: string) => primary(PROMPTS, { goVersion })?.fixes.map((f) => f.id) ?? [];
    expect(fixes('go1.24.1')).toContain('use-goauth-git');
    expect(fixes('1.22')).not.toContain('use-goauth-git');
  });

  it('a proxy listed in GOPROXY that is not public is the organisation proxy', () => {
    const line =
      'go: git.corp.test/acme/lib@v1.2.0: reading https://goproxy.corp.test/git.corp.test/acme/lib/@v/v1.2.0.info: 404 Not Found';
    expect(primary(line, { goproxy: 'https://goproxy.corp.test,direct' })?.id).toBe(
      'private-proxy-misconfig',
    );
  });
});

describe('ranking', () => {
  it('root causes beat their symptoms', () => {
    const tls =
      'go: example.corp/x@v1.0.0: unrecognized import path "example.corp/x": https fetch: Get "https://example.corp/x?go-get=1": x509: certificate signed by unknown authority';
    expect(ids(tls)).toEqual(['tls-unknown-authority', 'unrecognized-import-path']);
    const dns =
      "ssh: Could not resolve hostname git.corp.test: Name or service not known\nfatal: unable to access 'https://git.corp.test/a/': Failed to connect to git.corp.test port 443: Connection timed out";
    expect(ids(dns)[0]).toBe('dns-failure');
  });

  it('GnuTLS: one message for unknown CA, self-signed and expired, so both ids and lower confidence', () => {
    const c = primary(
      "fatal: unable to access 'https://git.corp.test/a.git/': server certificate verification failed. CAfile: none CRLfile: none",
    );
    expect(c?.id).toBe('tls-unknown-authority');
    expect(c?.confidence).toBeLessThan(0.8);
    expect(c?.secondary).toContain('tls-bad-cert');
    expect(c?.explanation).toMatch(/GnuTLS/);
  });

  it('a colon in the ssh hostname is an insteadOf problem, not DNS', () => {
    expect(primary('ssh: Could not resolve hostname github.com:acme: Name or service not known')?.id).toBe(
      'insteadof-malformed',
    );
    expect(primary('ssh: Could not resolve hostname github.com: Name or service not known')?.id).toBe(
      'dns-failure',
    );
    expect(primary('ssh: connect to host github.com port 22: Connection timed out')?.id).toBe(
      'ssh-port-blocked',
    );
  });

  it('extracts the module and host from go error lines', () => {
    const c = primary('go: git.corp.test/acme/lib@v1.2.0: invalid version: unknown revision v1.2.0');
    expect(c).toMatchObject({
      id: 'unknown-revision',
      module: 'git.corp.test/acme/lib',
      host: 'git.corp.test',
    });
  });

  it('maps git HTTP statuses', () => {
    const at = (code: number) =>
      primary(
        `fatal: unable to access 'https://git.corp.test/a.git/': The requested URL returned error: ${code}`,
      )?.id;
    expect([at(401), at(403), at(404), at(429)]).toEqual([
      'auth-rejected',
      'forbidden',
      'repo-not-found',
      'rate-limited',
    ]);
  });

  it('returns nothing for clean output and `other` for unknown errors', () => {
    expect(explainOutput('go: downloading github.com/a/b v1.0.0\n').causes).toEqual([]);
    expect(explainOutput('').causes).toEqual([]);
    expect(primary('fatal: something nobody has seen before')?.id).toBe('other');
  });

  it('is well-formed and deterministic on every fixture', () => {
    for (const f of loadFixtures()) {
      const a = explainOutput(f.body, f.context);
      expect(explainOutput(f.body, f.context), f.file).toEqual(a);
      const seen = new Set<string>();
      let last = 1;
      for (const c of a.causes) {
        expect(seen.has(c.id), `${f.file}: duplicate ${c.id}`).toBe(false);
        seen.add(c.id);
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
        expect(c.confidence).toBeLessThanOrEqual(last);
        last = c.confidence;
        expect(c.evidence.length).toBeLessThanOrEqual(5);
        expect(c.secondary ?? []).not.toContain(c.id);
        for (const e of c.evidence)
          expect(
            f.body.split('\n').some((l) => redactLine(l.replace(/\s+$/, '')) === e),
            `${f.file}: ${e}`,
          ).toBe(true);
      }
    }
  });
});

describe('performance', () => {
  it('explains 10 MB of `go mod download -x` output', () => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const m = `github.com/org${i % 97}/lib${i}`;
      const chunk =
        `go: downloading ${m} v1.${i % 9}.0\n# get https://proxy.golang.org/${m}/@v/v1.${i % 9}.0.mod\n` +
        `# get https://proxy.golang.org/${m}/@v/v1.${i % 9}.0.mod: 200 OK (0.012s)\n` +
        `# get https://sum.golang.org/lookup/${m}@v1.${i % 9}.0: 200 OK (0.031s)\n` +
        `cd /home/dev/go/pkg/mod/cache/vcs/${i.toString(16).padStart(64, '0')}; git -c log.showsignature=false log -n1 --format=format:%H\n` +
        `0.019s # cd /home/dev/go/pkg/mod/cache/vcs/${i.toString(16).padStart(64, '0')}; git -c log.showsignature=false log -n1\n`;
      parts.push(chunk);
      size += chunk.length;
    }
    parts.push(PROXY_410_AUTH);
    const text = parts.join('');
    const started = performance.now();
    const r = explainOutput(text);
    const ms = performance.now() - started;
    expect(r.causes[0]?.id).toBe('proxy-leak');
    console.log(`explain: ${(text.length / 1048576).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
  });
});
