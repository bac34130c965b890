import { existsSync, lstatSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OnrampError } from '../../main/common/errors';
import { applyPlan } from '../../main/core/apply';
import { listEntries, readEntry } from '../../main/core/journal';
import { buildPlan } from '../../main/core/planner';
import { history, undo } from '../../main/core/undo';
import {
  INITIAL_GITCONFIG,
  INITIAL_NETRC,
  git,
  sampleSteps,
  seedHome,
  statesOf,
  type EngineHome,
} from '../helpers/engine-fixture';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
let h: EngineHome;
beforeEach(() => {
  t = makeTempHome();
  h = seedHome(t.home, { gitconfigMode: 0o600 });
});
afterEach(() => t.cleanup());

async function applySample() {
  const plan = await buildPlan('set up corp', sampleSteps(h), t.env);
  return applyPlan(plan, t.env);
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as OnrampError,
  );

describe('undo', () => {
  it('restores every target byte-identical with its mode, removing files the change created', async () => {
    const before = await statesOf(h);
    const applied = await applySample();
    const result = await undo(t.env, { last: true });
    expect(result.undid).toBe(applied.id);
    expect(await statesOf(h)).toEqual(before);
    expect(readFileSync(h.gitconfig, 'utf8')).toBe(INITIAL_GITCONFIG);
    expect(statSync(h.gitconfig).mode & 0o777).toBe(0o600);
    expect(readFileSync(h.netrc, 'utf8')).toBe(INITIAL_NETRC);
    expect(statSync(h.netrc).mode & 0o777).toBe(0o600);
    expect(existsSync(h.goenv)).toBe(false);
    expect(result.restored).toEqual([h.gitconfig, h.goenv, h.netrc]);
    expect((await readEntry(t.dataDir, applied.id)).state).toBe('undone');
    const items = await history(t.env);
    expect(items.map((i) => [i.kind, i.state])).toEqual([
      ['undo', 'applied'],
      ['apply', 'undone'],
    ]);
    expect(items[1]?.undoneBy).toBe(result.id);
    expect((await git(t.env, ['config', '--global', 'x.y', 'z'])).code).toBe(0);
  });

  it('refuses when a target changed since the apply, and restores with force', async () => {
    const before = await statesOf(h);
    await applySample();
    expect((await git(t.env, ['config', '--global', 'later.edit', 'yes'])).code).toBe(0);
    const changed = await statesOf(h);
    const err = await errorOf(undo(t.env, { last: true }));
    expect(err?.code).toBe('changed-since-apply');
    expect(err?.message).toContain(h.gitconfig);
    expect(err?.hint).toContain('--force');
    expect(await statesOf(h)).toEqual(changed);
    expect((await listEntries(t.dataDir)).map((e) => e.state)).toEqual(['applied']);

    const forced = await undo(t.env, { last: true, force: true });
    expect(await statesOf(h)).toEqual(before);
    // the forced undo journaled the hand edit: undoing it brings that state back
    await undo(t.env, { id: forced.id });
    expect(await statesOf(h)).toEqual(changed);
  });

  it('undoes an undo (redo), and undoes that again', async () => {
    const before = await statesOf(h);
    await applySample();
    const after = await statesOf(h);
    const u1 = await undo(t.env, { last: true });
    expect(await statesOf(h)).toEqual(before);
    // --last walks back through changes and skips undo entries: redo takes the undo's id
    expect((await errorOf(undo(t.env, { last: true })))?.code).toBe('not-found');
    const u2 = await undo(t.env, { id: u1.id });
    expect(u2.undid).toBe(u1.id);
    expect(await statesOf(h)).toEqual(after);
    await undo(t.env, { id: u2.id });
    expect(await statesOf(h)).toEqual(before);
    expect((await history(t.env)).map((i) => i.state)).toEqual(['applied', 'undone', 'undone', 'undone']);
  });

  it('undoes a change by id, keeping a symlinked ~/.gitconfig a symlink', async () => {
    t.cleanup();
    t = makeTempHome();
    h = seedHome(t.home, { symlinkGitconfig: true });
    const before = await statesOf(h);
    const first = await applySample();
    const second = await applyPlan(
      await buildPlan(
        'more',
        [{ kind: 'git-config', file: h.gitconfig, action: 'set', key: 'core.editor', value: 'vi' }],
        t.env,
      ),
      t.env,
    );
    // the first change's gitconfig after-state was changed by the second: refused without force
    expect((await errorOf(undo(t.env, { id: first.id })))?.code).toBe('changed-since-apply');
    await undo(t.env, { id: second.id });
    await undo(t.env, { id: first.id });
    expect(await statesOf(h)).toEqual(before);
    expect(lstatSync(h.gitconfig).isSymbolicLink()).toBe(true);
  });

  it('says what is wrong when there is nothing to undo or the change is not applied', async () => {
    expect((await errorOf(undo(t.env, { last: true })))?.code).toBe('not-found');
    expect((await errorOf(undo(t.env, { id: 'nope' })))?.code).toBe('not-found');
    expect((await errorOf(undo(t.env, {})))?.code).toBe('usage');
    const applied = await applySample();
    await undo(t.env, { id: applied.id });
    expect((await errorOf(undo(t.env, { id: applied.id })))?.code).toBe('invalid-input');
  });

  it('re-creates a removed file with its mode when an undo is undone', async () => {
    // a file-edit cannot delete, but undo of an undo of a created file re-creates it with its mode
    const fresh = `${t.home}/created`;
    const applied = await applyPlan(
      await buildPlan(
        'create',
        [{ kind: 'file-edit', file: fresh, content: 'secret-ish\n', mode: 0o600 }],
        t.env,
      ),
      t.env,
    );
    const u = await undo(t.env, { id: applied.id });
    expect(existsSync(fresh)).toBe(false);
    const redo = await undo(t.env, { id: u.id });
    expect(readFileSync(fresh, 'utf8')).toBe('secret-ish\n');
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    writeFileSync(fresh, 'changed');
    expect((await errorOf(undo(t.env, { id: redo.id })))?.code).toBe('changed-since-apply');
  });
});
