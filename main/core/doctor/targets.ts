// Which modules doctor examines. The commonest real failure is a private module GOPRIVATE
// does not cover, so this is every requirement the public proxy cannot be assumed to serve:
// hosts that are not well-known public code hosts, plus modules on shared hosts (github.com…)
// that the configured proxy answers "not found" for.
import { runTool } from '../tool-runner';
import { moduleHost } from '../../common/go-repo-root';
import { matchPrefixPatterns } from '../../common/go-patterns';
import type { Env } from '../paths';

export interface DoctorModule {
  path: string;
  /** the version go.mod requires, when known */
  version?: string;
}

/** Hosts whose modules are public (served by proxy.golang.org) unless GOPRIVATE says otherwise. */
const publicOnlyHosts = new Set([
  'golang.org',
  'google.golang.org',
  'gopkg.in',
  'go.uber.org',
  'k8s.io',
  'sigs.k8s.io',
  'cloud.google.com',
  'go.opentelemetry.io',
  'go.etcd.io',
  'honnef.co',
  'gotest.tools',
  'go.mongodb.org',
  'gorm.io',
  'lukechampine.com',
  'mvdan.cc',
  'rsc.io',
  'modernc.org',
]);
/** Shared hosts: public and private repos side by side. */
export const sharedHosts = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);

export function mayBePrivate(path: string, goprivate: string): 'private' | 'ask-proxy' | 'public' {
  if (matchPrefixPatterns(goprivate, path)) return 'private';
  const host = moduleHost(path);
  if (publicOnlyHosts.has(host)) return 'public';
  if (sharedHosts.has(host)) return 'ask-proxy';
  return 'private';
}

export interface ModuleFile {
  module?: string;
  requires: DoctorModule[];
  error?: string;
}

/** The current module's requirements, read offline by go itself (`go mod edit -json`). */
export async function readRequirements(env: Env, cwd: string): Promise<ModuleFile> {
  const r = await runTool('go', ['mod', 'edit', '-json'], {
    env: { ...env, GOFLAGS: '' },
    cwd,
    timeoutMs: 15_000,
  });
  if (r.code !== 0) return { requires: [], error: r.stderr.trim() || 'go mod edit failed' };
  const j = JSON.parse(r.stdout) as {
    Module?: { Path: string };
    Require?: { Path: string; Version: string }[];
  };
  return {
    module: j.Module?.Path,
    requires: (j.Require ?? []).map((x) => ({ path: x.Path, version: x.Version })),
  };
}
