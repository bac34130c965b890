import { existsSync, lstatSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OnrampError } from '../../main/common/errors';
import { applyPlan } from '../../main/core/apply';
import { listEntries } from '../../main/core/journal';
import { buildPlan } from '../../main/core/planner';
import { history } from '../../main/core/undo';
import {
  INITIAL_GITCONFIG,
  NEW_TOKEN,
  git,
  goEnv,
  sampleSteps,
  seedHome,
  stateOf,
  statesOf,
  type EngineHome,
} from '../helpers/engine-fixture';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
let h: EngineHome;
beforeEach(() => {
  t = makeTempHome();
  h = seedHome(t.home);
});
afterEach(() => t.cleanup());

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err instanceof OnrampError ? err.code : `raw: ${String(err)}`;
  }
  return 'resolved';
};

describe('buildPlan', () => {
  it('shows per-file diffs, redacts secrets, and writes nothing', async () => {
    const before = await statesOf(h);
    const plan = await buildPlan('set up corp', sampleSteps(h), t.env);
    expect(await statesOf(h)).toEqual(before);
    expect(existsSync(join(t.dataDir, 'journal'))).toBe(false);
    expect(plan.changes.map((c) => c.file)).toEqual([h.gitconfig, h.goenv, h.netrc]);
    const [gc, goenv, netrc] = plan.changes;
    expect(gc?.before).toEqual(before[0]);
    expect(gc?.diff).toContain('+\temail = me@corp.example.com');
    expect(gc?.diff).toContain('-[old]');
    expect(goenv?.before.exists).toBe(false);
    expect(goenv?.diff).toContain('new file mode 100644');
    expect(goenv?.diff).toContain('+GOPRIVATE=corp.example.com');
    expect(netrc?.after.mode).toBe(0o600);
    expect(netrc?.diff).toContain('+machine git.corp.example.com login me password ••••••');
    // neither the new token nor an existing password in the context lines is shown
    expect(netrc?.diff).not.toContain(NEW_TOKEN);
    expect(netrc?.diff).not.toContain('OLDSECRET');
    expect(plan.id).toMatch(/^\d{8}-\d{6}-\d{3}-[0-9a-f]{8}$/);
  });

  it('surfaces go env -w warnings as notes and refuses keys go refuses', async () => {
    const env = { ...t.env, GOPROXY: 'direct' };
    const plan = await buildPlan(
      'proxy',
      [{ kind: 'go-env', file: h.goenv, action: 'set', key: 'GOPROXY', value: 'off' }],
      env,
    );
    expect(plan.notes.join('\n')).toMatch(/GOPROXY: .*does not override conflicting OS environment variable/);
    const refused = buildPlan(
      'bad',
      [{ kind: 'go-env', file: h.goenv, action: 'set', key: 'GOENV', value: '/x' }],
      t.env,
    );
    expect(await codeOf(refused)).toBe('invalid-input');
  });

  it('notes when go reads a different env file than the step targets', async () => {
    const other = join(t.home, 'elsewhere', 'env');
    const plan = await buildPlan(
      'x',
      [{ kind: 'go-env', file: other, action: 'set', key: 'GOPRIVATE', value: 'a.b' }],
      t.env,
    );
    expect(plan.notes.join('\n')).toContain(`go reads its settings from ${h.goenv}`);
  });
});

describe('applyPlan', () => {
  it('writes every target as planned, through the real tools', async () => {
    const plan = await buildPlan('set up corp', sampleSteps(h), t.env);
    const result = await applyPlan(plan, t.env);
    expect(await statesOf(h)).toEqual(plan.changes.map((c) => c.after));
    expect((await git(t.env, ['config', '--global', 'user.email'])).stdout.trim()).toBe(
      'me@corp.example.com',
    );
    expect((await git(t.env, ['config', '--global', '--get-all', 'old.key'])).code).toBe(1);
    expect(await goEnv(t.env, 'GOPRIVATE')).toBe('corp.example.com');
    expect(await goEnv(t.env, 'GONOSUMDB')).toBe('corp.example.com');
    expect(readFileSync(h.netrc, 'utf8')).toContain(NEW_TOKEN);
    expect(statSync(h.netrc).mode & 0o777).toBe(0o600);
    const [entry] = await listEntries(t.dataDir);
    expect(entry).toMatchObject({ id: result.id, state: 'applied', planId: plan.id });
    // the journal holds no secret, its snapshots are private
    const dir = join(t.dataDir, 'journal', result.id);
    expect(readFileSync(join(dir, 'entry.json'), 'utf8')).not.toContain(NEW_TOKEN);
    expect(statSync(t.dataDir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(join(dir, 'snap')))
      expect(statSync(join(dir, 'snap', f)).mode & 0o777).toBe(0o600);
    expect(existsSync(`${h.gitconfig}.lock`)).toBe(false);
    expect(existsSync(join(t.dataDir, 'apply.lock'))).toBe(false);
    const [item] = await history(t.env);
    expect(item?.steps).toContain('go env -w GOPRIVATE=corp.example.com');
    expect(item?.files).toEqual([h.gitconfig, h.goenv, h.netrc]);
  });

  it('refuses with changed-since-plan, naming the file, and writes nothing', async () => {
    const plan = await buildPlan('set up corp', sampleSteps(h), t.env);
    writeFileSync(h.gitconfig, `${INITIAL_GITCONFIG}[edited]\n\tby = hand\n`);
    const before = await statesOf(h);
    const err = await applyPlan(plan, t.env).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OnrampError);
    expect((err as OnrampError).code).toBe('changed-since-plan');
    expect((err as OnrampError).message).toContain(h.gitconfig);
    expect(await statesOf(h)).toEqual(before);
    expect(await listEntries(t.dataDir)).toEqual([]);
    expect(existsSync(`${h.gitconfig}.lock`)).toBe(false);
  });

  it('edits a symlinked ~/.gitconfig at its target and keeps the link', async () => {
    t.cleanup();
    t = makeTempHome();
    h = seedHome(t.home, { symlinkGitconfig: true, gitconfigMode: 0o600 });
    const plan = await buildPlan('x', sampleSteps(h), t.env);
    await applyPlan(plan, t.env);
    expect(lstatSync(h.gitconfig).isSymbolicLink()).toBe(true);
    expect(readFileSync(h.gitconfigTarget, 'utf8')).toContain('email = me@corp.example.com');
    expect(statSync(h.gitconfigTarget).mode & 0o777).toBe(0o600);
    expect(existsSync(`${h.gitconfigTarget}.lock`)).toBe(false);
  });

  it('creates a new netrc-like file 0600 and keeps an existing 0600 file 0600', async () => {
    const fresh = join(t.home, 'fresh-netrc');
    const steps = [
      { kind: 'file-edit' as const, file: fresh, content: 'machine a login b password c\n', mode: 0o600 },
      ...sampleSteps(h),
    ];
    await applyPlan(await buildPlan('x', steps, t.env), t.env);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    expect(statSync(h.netrc).mode & 0o777).toBe(0o600);
  });

  it('fails with lock-busy after a bounded wait when git holds the config lock, changing nothing', async () => {
    const plan = await buildPlan('x', sampleSteps(h), t.env);
    const before = await statesOf(h);
    writeFileSync(`${h.gitconfig}.lock`, 'another git is writing this');
    const started = Date.now();
    expect(await codeOf(applyPlan(plan, t.env))).toBe('lock-busy');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(1500);
    expect(waited).toBeLessThan(6000);
    expect(await statesOf(h)).toEqual(before);
    expect(readFileSync(`${h.gitconfig}.lock`, 'utf8')).toBe('another git is writing this');
    expect(await listEntries(t.dataDir)).toEqual([]);
  });

  it('waits for a config lock that is released within the bound', async () => {
    const plan = await buildPlan('x', sampleSteps(h), t.env);
    writeFileSync(`${h.gitconfig}.lock`, '');
    setTimeout(() => rmSync(`${h.gitconfig}.lock`), 400);
    await applyPlan(plan, t.env);
    expect(await statesOf(h)).toEqual(plan.changes.map((c) => c.after));
  });

  it('rolls back what was written when a later target cannot be written', async () => {
    // ~/blocker is a file, so blocker/file cannot be created: discovered only while applying.
    writeFileSync(join(t.home, 'blocker'), 'not a directory');
    const steps = [
      ...sampleSteps(h),
      { kind: 'file-edit' as const, file: join(t.home, 'blocker', 'file'), content: 'x', mode: 0o600 },
    ];
    const plan = await buildPlan('x', steps, t.env);
    const before = await statesOf(h);
    await expect(applyPlan(plan, t.env)).rejects.toThrow();
    expect(await statesOf(h)).toEqual(before);
    const [entry] = await listEntries(t.dataDir);
    expect(entry?.state).toBe('rolled-back');
    expect(entry?.restored).toEqual(expect.arrayContaining([h.gitconfig, h.goenv, h.netrc]));
    expect(existsSync(`${h.gitconfig}.lock`)).toBe(false);
    // git still works on the restored file
    expect((await git(t.env, ['config', '--global', 'x.y', 'z'])).code).toBe(0);
  });

  it('treats unsetting a key that is not set as done', async () => {
    const plan = await buildPlan(
      'x',
      [{ kind: 'git-config', file: h.gitconfig, action: 'unset', key: 'no.such' }],
      t.env,
    );
    expect(plan.changes[0]?.diff).toBe('');
    await applyPlan(plan, t.env);
    expect(await stateOf(h.gitconfig)).toEqual(plan.changes[0]?.before);
  });
});
