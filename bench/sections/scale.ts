// 5. Scale of the machine model: parse + plan on a 10,000-line gitconfig, netrc and ssh config,
// and explain on 10 MB of `go mod download -x` output. "Parse" is the lossless parser (netrc,
// ssh config) or, for gitconfig, what Onramp reads it with: `git config --list` through
// readGitConfig (git is the authority), plus the in-process parse of that listing alone.
// "Plan" is buildPlan of one edit to that file: a file-edit step for netrc/ssh config, a
// git-config step (simulated with the real `git config --file` on a copy) for the gitconfig.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainOutput } from '../../main/common/explain/index';
import { parseGitConfigList, summarizeGitConfig } from '../../main/common/git-config-list';
import { parseNetrc, printNetrc } from '../../main/common/netrc';
import { parseSshConfig, printSshConfig } from '../../main/common/ssh-config';
import { readGitConfig } from '../../main/core/git-config-reader';
import type { Step } from '../../main/common/plan';
import type { Env } from '../../main/core/paths';
import { buildPlan } from '../../main/core/planner';
import { gitConfigSteps } from '../../main/core/requests/git-config';
import { netrcSteps } from '../../main/core/requests/netrc';
import { sshHostSteps } from '../../main/core/requests/ssh-host';
import { benchModules } from '../../test/sandbox/bench-repos';
import { bareHome, healthyHome } from '../client-home';
import { bigGitconfig, bigNetrc, bigSshConfig } from '../dotfile-gen';
import { captureGoXLog, tileLog } from '../go-x-log';
import { benchSandbox, sandboxUnavailable } from '../sandbox';
import { metric, stat, timeRuns } from '../stats';
import type { BenchContext, Metric, Section } from '../types';

interface Case {
  id: string;
  label: string;
  /** the lossless parse alone (gitconfig: the parse of git's listing) */
  parse: () => unknown;
  /** what a request does before planning: read + parse the file, compute the edit */
  edit: () => Step[] | Promise<Step[]>;
  lossless?: () => boolean;
  /** what limits parse + plan, shown when it misses the target */
  limit: string;
}

const planLimit =
  'buildPlan reads the file, copies it to a private working directory, runs the step there and diffs the whole file before and after.';

async function measure(ctx: BenchContext, c: Case, env: Env, runs: number): Promise<Metric[]> {
  const once = async () => {
    const t0 = performance.now();
    const steps = await c.edit();
    const t1 = performance.now();
    await buildPlan('bench', steps, env);
    return { edit: t1 - t0, plan: performance.now() - t1 };
  };
  const cold = await once();
  const parse = await timeRuns(runs, () => c.parse());
  const edit: number[] = [];
  const plan: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await once();
    edit.push(r.edit);
    plan.push(r.plan);
  }
  const full = edit.map((e, i) => e + (plan[i] as number));
  ctx.log(
    `${c.label}: parse ${stat(parse).median.toFixed(1)} ms, parse + plan ${stat(full).median.toFixed(1)} ms`,
  );
  const split = `Median split: read + parse + edit ${stat(edit).median.toFixed(1)} ms, buildPlan ${stat(plan).median.toFixed(1)} ms.`;
  return [
    metric({ id: `${c.id}.parse`, label: `${c.label}: parse`, unit: 'ms', samples: parse }),
    metric({
      id: `${c.id}.edit`,
      label: `${c.label}: read + parse + edit (request builder)`,
      unit: 'ms',
      samples: edit,
    }),
    metric({ id: `${c.id}.plan`, label: `${c.label}: buildPlan`, unit: 'ms', samples: plan }),
    metric({
      id: `${c.id}.parse-plan`,
      label: `${c.label}: parse + plan`,
      unit: 'ms',
      samples: full,
      target: { op: '<', value: 50 },
      limit: `${split} ${c.limit}`,
    }),
    metric({
      id: `${c.id}.cold`,
      label: `${c.label}: parse + plan, first call (cold)`,
      unit: 'ms',
      samples: [cold.edit + cold.plan],
    }),
  ];
}

async function explainLog(ctx: BenchContext, bytes: number): Promise<{ text: string; source: string }> {
  const synthetic = () => {
    const m = 'git.corp.test/bench/m01';
    const trace = `# get https://${m.split('/')[0]}/bench/m01?go-get=1\n# get https://${m.split('/')[0]}/bench/m01?go-get=1: 200 OK (0.017s)\ncd /tmp/mc/cache/vcs/${'a'.repeat(64)}; git ls-remote -q origin\n0.047s # cd /tmp/mc/cache/vcs/${'a'.repeat(64)}; git ls-remote -q origin\n`;
    const failure = `go: ${m}@v1.0.0: invalid version: git ls-remote -q origin in /tmp/mc/cache/vcs/${'a'.repeat(64)}: exit status 128:\n\tfatal: could not read Username for 'https://git.corp.test': terminal prompts disabled\n`;
    return { text: tileLog(trace, failure, bytes), source: 'synthetic (no sandbox)' };
  };
  if (sandboxUnavailable()) return synthetic();
  const sb = await benchSandbox(4, ctx.log);
  const healthy = healthyHome(sb);
  try {
    const mods = benchModules(8).map((b) => `${b.module}@${b.tag}`);
    const { trace, failure } = await captureGoXLog(sb, healthy, mods);
    if (!/terminal prompts disabled/.test(failure)) return synthetic();
    return {
      text: tileLog(trace, failure, bytes),
      source: `the real -x trace of downloading ${mods.length} sandbox modules (${(trace.length / 1024).toFixed(1)} KB) repeated, then a real failure (no credential for git.corp.test)`,
    };
  } finally {
    healthy.cleanup();
  }
}

export const scaleSection: Section = {
  id: 'scale',
  title: '5. Scale of the machine model',
  async run(ctx: BenchContext) {
    const lines = ctx.smoke ? 1000 : 10_000;
    const mb = ctx.smoke ? 1 : 10;
    const runs = ctx.smoke ? 1 : Math.max(10, ctx.runs * 2);
    const c = bareHome('onramp-bench-scale-');
    const env = c.env;
    const files = {
      gitconfig: join(c.home, '.gitconfig'),
      netrc: join(c.home, '.netrc'),
      ssh: join(c.home, '.ssh', 'config'),
    };
    const texts = { gitconfig: bigGitconfig(lines), netrc: bigNetrc(lines), ssh: bigSshConfig(lines) };
    writeFileSync(files.gitconfig, texts.gitconfig);
    writeFileSync(files.netrc, texts.netrc, { mode: 0o600 });
    mkdirSync(join(c.home, '.ssh'), { mode: 0o700 });
    writeFileSync(files.ssh, texts.ssh, { mode: 0o600 });
    const listing = execFileSync('git', ['config', '--null', '--list', '--show-origin', '--show-scope'], {
      env: { ...env, GIT_CEILING_DIRECTORIES: c.root },
      cwd: c.home,
    }).toString();
    const cases: Case[] = [
      {
        id: 'gitconfig',
        label: `gitconfig (${lines} lines)`,
        parse: () => summarizeGitConfig(parseGitConfigList(listing)),
        edit: async () => {
          await readGitConfig(env);
          return gitConfigSteps(env, 'http.https://git.corp.test/.sslCAInfo', '/etc/ssl/corp/ca.pem', 'set');
        },
        limit: `Two git processes are spawned (config --list to read, config --file on a copy to plan). ${planLimit}`,
      },
      {
        id: 'netrc',
        label: `netrc (${lines} lines)`,
        parse: () => parseNetrc(texts.netrc, files.netrc),
        edit: () => netrcSteps(env, 'git.corp.test', { login: 'alice', password: 'tok-bench-1234' }),
        lossless: () => printNetrc(parseNetrc(texts.netrc, files.netrc)) === texts.netrc,
        limit: `The edit (setNetrcMachine) re-parses its result and, for every other entry, looks the host up again in the old and the new file (goLookup/curlLookup scan every entry): quadratic in the number of entries. ${planLimit}`,
      },
      {
        id: 'ssh-config',
        label: `ssh config (${lines} lines)`,
        parse: () => parseSshConfig(texts.ssh, files.ssh),
        edit: () =>
          sshHostSteps(env, 'git.corp.test', [
            ['HostName', 'git.corp.test'],
            ['User', 'git'],
            ['IdentityFile', '~/.ssh/id_ed25519'],
          ]),
        lossless: () => printSshConfig(parseSshConfig(texts.ssh, files.ssh)) === texts.ssh,
        limit: `The request builder parses the whole file, then upsertManagedHost places the managed block and prints the file again. ${planLimit}`,
      },
    ];
    const metrics: Metric[] = [];
    const notes = [
      `${runs} timed runs each after one untimed first call (reported separately as "cold"). "parse + plan" = the request builder (read the file, parse, compute the edit) + buildPlan. gitconfig: "parse" is the in-process parse + summary of the \`git config --list\` output (${listing.split('\0').length - 1} fields); its request builder runs readGitConfig (spawns \`git config --list\`), and buildPlan spawns \`git config --file\` on a copy. netrc and ssh config: lossless parse, edit (setNetrcMachine / upsertManagedHost), then buildPlan diffs the file.`,
    ];
    try {
      for (const k of cases) {
        metrics.push(...(await measure(ctx, k, env, runs)));
        if (k.lossless) notes.push(`${k.label}: print(parse(text)) === text: ${k.lossless()}`);
      }
      const log = await explainLog(ctx, mb * 1024 * 1024);
      let top = '';
      const first = performance.now();
      explainOutput(log.text);
      const cold = performance.now() - first;
      const samples = await timeRuns(runs, () => {
        top = explainOutput(log.text).causes[0]?.id ?? 'none';
      });
      ctx.log(`explain ${mb} MB: ${samples[0]?.toFixed(0)} ms → ${top}`);
      notes.push(
        `explain input: ${(log.text.length / 1048576).toFixed(1)} MB, ${log.text.split('\n').length} lines: ${log.source}. Top cause found: ${top}.`,
      );
      metrics.push(
        metric({
          id: 'explain.run',
          label: `explain on ${mb} MB of go mod download -x output`,
          unit: 'ms',
          samples,
          target: { op: '<', value: 300 },
          limit:
            'One pass over every line: a prefilter drops -x trace lines by their first characters, then one anchor regex; the time is that pass over ~10 MB of JavaScript strings.',
        }),
        metric({
          id: 'explain.cold',
          label: `explain on ${mb} MB, first call (cold)`,
          unit: 'ms',
          samples: [cold],
        }),
      );
    } finally {
      c.cleanup();
    }
    return { status: 'measured', metrics, notes };
  },
};
