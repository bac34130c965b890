// A big `go mod download -x` log for the explain benchmark, made of real output: the -x trace
// of successful downloads from the sandbox (request lines, git commands, timings), repeated up to
// the size wanted, ending with a real failure (no credential for git.corp.test: git's "terminal
// prompts disabled"), as a person would paste a CI log.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../main/core/tool-runner';
import type { Sandbox } from '../test/sandbox/sandbox';
import { bareHome, type ClientHome } from './client-home';

async function download(c: ClientHome, extra: Record<string, string>, modules: string[]): Promise<string> {
  const modcache = await mkdtemp(join(tmpdir(), 'onramp-bench-gox-'));
  try {
    const r = await runTool('go', ['mod', 'download', '-x', ...modules], {
      env: { ...c.env, ...extra, GOMODCACHE: modcache, GOFLAGS: '-modcacherw', GOTOOLCHAIN: 'local' },
      cwd: c.work,
      timeoutMs: 120_000,
    });
    return `${r.stdout}${r.stderr}`;
  } finally {
    await rm(modcache, { recursive: true, force: true });
  }
}

/** The -x trace of downloading `modules` on a healthy machine, and a failing download without credentials. */
export async function captureGoXLog(
  sb: Sandbox,
  healthy: ClientHome,
  modules: string[],
): Promise<{ trace: string; failure: string }> {
  const trace = await download(healthy, {}, modules);
  const bare = bareHome('onramp-bench-gox-home-');
  try {
    const failure = await download(
      bare,
      { GOPRIVATE: '*.corp.test', SSL_CERT_FILE: sb.caFile, GIT_SSL_CAINFO: sb.caFile, GOPROXY: 'direct' },
      [modules[0] as string],
    );
    return { trace, failure };
  } finally {
    bare.cleanup();
  }
}

/** Repeats `trace` until the text is at least `bytes` long, then appends `failure`. */
export function tileLog(trace: string, failure: string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  const unit = trace.endsWith('\n') ? trace : `${trace}\n`;
  while (size + failure.length < bytes) {
    parts.push(unit);
    size += unit.length;
  }
  parts.push(failure);
  return parts.join('');
}
