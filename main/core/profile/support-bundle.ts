// `onramp support-bundle`: what a helpdesk needs to see why private modules fail on this machine,
// and nothing secret. Status and doctor findings, git config lines with their origin, netrc
// hosts (never logins' passwords), `ssh -G` for the profile's hosts (only on a vetted config),
// tool versions, and the last failing command with its root-cause class. Every string passes
// through redaction twice: by shape, and by every secret value this machine is known to hold.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toErrorData } from '../../common/errors';
import { goNetrcEntries, parseNetrc } from '../../common/netrc';
import { redactSecrets } from '../../common/redact';
import { runDoctor } from '../doctor/index';
import { pathsOf, type Env } from '../paths';
import { readTextIfExists } from '../requests/read-text';
import { sshEffectiveConfig } from '../ssh-effective-config';
import { readStatus } from '../status';
import { gitToolEnv } from '../step-sim';
import { runTool } from '../tool-runner';
import { readTools } from '../tools-reader';
import { knownSecrets } from './known-secrets';
import { readLastFailure } from './onboard-record';

export interface SupportBundleOptions {
  env: Env;
  cwd: string;
  /** hosts to run `ssh -G` for and give the doctor (the profile's) */
  hosts?: string[];
  /** modules for the doctor (the profile's test modules, without versions) */
  modules?: string[];
  /** run the doctor (network checks); default true */
  doctor?: boolean;
  doctorTimeoutMs?: number;
}

async function section<T>(p: Promise<T>): Promise<T | { error: string }> {
  try {
    return await p;
  } catch (e) {
    return { error: toErrorData(e).message };
  }
}

async function gitConfigLines(env: Env, cwd: string): Promise<string> {
  // The user's git view: system file included (unlike Onramp's own writes), with origins.
  const gitEnv = { ...gitToolEnv(env) };
  delete gitEnv.GIT_CONFIG_NOSYSTEM;
  if (env.GIT_CONFIG_NOSYSTEM) gitEnv.GIT_CONFIG_NOSYSTEM = env.GIT_CONFIG_NOSYSTEM;
  const r = await runTool('git', ['config', '--list', '--show-origin', '--show-scope'], {
    env: gitEnv,
    cwd,
    timeoutMs: 15_000,
  });
  return r.stdout;
}

function netrcHosts(env: Env) {
  const file = pathsOf(env).netrc;
  const text = readTextIfExists(file);
  const doc = parseNetrc(text, file);
  const go = goNetrcEntries(text);
  return {
    file,
    exists: text !== '',
    machines: doc.entries.map((e) => ({
      host: e.kind === 'default' ? '(default)' : (e.name?.value ?? '?'),
      line: e.firstLine,
      hasLogin: e.fields.some((f) => f.key === 'login'),
      hasPassword: e.fields.some((f) => f.key === 'password'),
      goUsesIt: go.entries.some((g) => g.line === e.firstLine),
    })),
    goStopsAtLine: go.stoppedAtLine,
  };
}

async function sshHosts(env: Env, hosts: readonly string[]) {
  const keep = [
    'hostname',
    'user',
    'port',
    'identityfile',
    'identitiesonly',
    'userknownhostsfile',
    'stricthostkeychecking',
    'proxycommand',
    'proxyjump',
    'batchmode',
  ];
  return Promise.all(
    hosts.map(async (host) => {
      const r = await sshEffectiveConfig(env, host);
      if (!r.ok) return { host, refused: r.refused, problem: r.problem.message };
      return {
        host,
        options: Object.fromEntries(
          keep.filter((k) => r.config.options[k]).map((k) => [k, r.config.options[k]]),
        ),
      };
    }),
  );
}

async function onboardingRecords(env: Env): Promise<unknown[]> {
  const dir = join(pathsOf(env).dataDir, 'onboarding');
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: unknown[] = [];
  for (const n of names.filter((x) => x.endsWith('.json')).sort())
    out.push(JSON.parse(await readFile(join(dir, n), 'utf8').catch(() => 'null')) as unknown);
  return out;
}

/** The bundle as JSON text, redacted. */
export async function buildSupportBundle(opts: SupportBundleOptions): Promise<string> {
  const { env, cwd } = opts;
  const gitListing = await gitConfigLines(env, cwd).catch(() => '');
  const hosts = opts.hosts ?? [];
  const bundle = {
    kind: 'onramp-support-bundle',
    version: 1,
    generatedAt: new Date().toISOString(),
    onramp: '0.1.0',
    platform: `${process.platform} ${process.arch}, node ${process.version}`,
    status: await section(readStatus(env)),
    doctor:
      opts.doctor === false
        ? { skipped: 'run without --no-doctor to include it' }
        : await section(
            runDoctor({ env, cwd, hosts, modules: opts.modules, timeoutMs: opts.doctorTimeoutMs }).then(
              (d) => ({
                primary: d.primary,
                findings: d.findings.map((f) => ({
                  id: f.id,
                  severity: f.severity,
                  check: f.check,
                  title: f.title,
                  host: f.host,
                  module: f.module,
                  evidence: f.evidence,
                })),
              }),
            ),
          ),
    gitConfig: gitListing.split('\n').filter((l) => l !== ''),
    netrc: netrcHosts(env),
    ssh: await section(sshHosts(env, hosts)),
    tools: await section(readTools(env)),
    lastFailure: (await readLastFailure(env)) ?? null,
    onboarding: await onboardingRecords(env),
  };
  const secrets = await knownSecrets(env, gitListing);
  return `${redactSecrets(JSON.stringify(bundle, null, 2), [...secrets, ...secrets.map((s) => JSON.stringify(s).slice(1, -1))])}\n`;
}
