// The real `onramp` binary killed mid-change (SIGKILL at engine fault points): the file is
// before or after, never partial; the next command recovers, says so, and git still works.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempHome, type TempHome } from '../helpers/temp-home';
import { snapshotTree } from '../helpers/tree-snapshot';

const bin = resolve('bin/onramp.mjs');
let t: TempHome;
beforeEach(() => {
  t = makeTempHome();
});
afterEach(() => t.cleanup());

function onramp(args: string[], extra: Record<string, string> = {}, input = '') {
  return spawnSync(process.execPath, [bin, ...args], {
    env: { ...t.env, ...extra },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('onramp killed mid-change', () => {
  it.each([
    'after-lock',
    'after-snapshot',
    'before-step-0',
    'mid-atomic-write',
    'before-commit',
    'after-commit',
  ])('SIGKILL at %s: next run recovers and tells the user', (point) => {
    const cfg = join(t.home, '.gitconfig');
    writeFileSync(cfg, '[user]\n\tname = Ada\n');
    const before = snapshotTree(t.home);
    const killed = onramp(
      ['set', 'git-config', 'url.https://git.corp.test/.insteadOf', 'ssh://git@git.corp.test/'],
      { ONRAMP_FAULT: point },
    );
    expect(killed.signal).toBe('SIGKILL');
    const text = readFileSync(cfg, 'utf8');
    // never partial: exactly the old bytes, or the complete new file
    expect(text === '[user]\n\tname = Ada\n' || text.includes('insteadOf = ssh://git@git.corp.test/')).toBe(
      true,
    );
    const next = onramp(['history']);
    expect(next.status).toBe(0);
    if (point !== 'after-commit') {
      expect(next.stderr).toMatch(/Recovered from an interrupted change|stopped without finishing/);
      expect(snapshotTree(t.home)).toEqual(before);
    }
    // no stale lock: git itself can write the global config
    execFileSync('git', ['config', '--global', 'x.y', 'z'], { env: t.env });
  });
});
