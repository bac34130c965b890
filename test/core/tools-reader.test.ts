import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTools, whichTool } from '../../main/core/tools-reader';
import { makeTempHome, type TempHome } from '../helpers/temp-home';

let t: TempHome;
beforeEach(() => {
  t = makeTempHome();
});
afterEach(() => t.cleanup());

describe('readTools', () => {
  it('finds go, git, ssh, ssh-keygen and ssh-add with versions', async () => {
    const r = await readTools(t.env);
    const by = Object.fromEntries(r.tools.map((x) => [x.name, x]));
    expect(r.tools.map((x) => x.name)).toEqual(['go', 'git', 'ssh', 'ssh-keygen', 'ssh-add']);
    expect(r.tools.every((x) => x.found && x.path?.startsWith('/'))).toBe(true);
    expect(by.go?.version).toMatch(/^1\.\d+/);
    expect(by.git?.version).toMatch(/^2\.\d+/);
    expect(by.ssh?.version).toMatch(/^\d+\.\d+p\d+$/); // ssh -V answers on stderr
    expect(by.ssh?.versionLine).toMatch(/^OpenSSH_/);
    expect(by['ssh-keygen']?.version).toBeUndefined();
    expect(r.problems).toEqual([]);
  });

  it('reports missing tools instead of throwing, searching the given PATH only', async () => {
    const bin = join(t.home, 'bin');
    mkdirSync(bin);
    const git = await whichTool('git', t.env);
    symlinkSync(git as string, join(bin, 'git'));
    // Not executable: not a tool. A broken wrapper: found, version unreadable.
    writeFileSync(join(bin, 'ssh'), '#!/bin/sh\necho hi\n');
    writeFileSync(join(bin, 'go'), '#!/bin/sh\necho "this is not go"\n');
    chmodSync(join(bin, 'go'), 0o755);
    const r = await readTools({ ...t.env, PATH: bin });
    expect(r.tools.map((x) => [x.name, x.found])).toEqual([
      ['go', true],
      ['git', true],
      ['ssh', false],
      ['ssh-keygen', false],
      ['ssh-add', false],
    ]);
    expect(r.tools[0]).toMatchObject({ path: join(bin, 'go'), versionLine: 'this is not go' });
    expect(r.tools[0]?.version).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([
      ['tool-missing', 'warning'],
      ['tool-missing', 'info'],
      ['tool-missing', 'info'],
      ['tool-failed', 'warning'],
    ]);
  });

  it('an empty PATH finds nothing, and go missing is an error', async () => {
    const r = await readTools({ ...t.env, PATH: '' });
    expect(r.tools.every((x) => !x.found)).toBe(true);
    expect(r.problems[0]).toMatchObject({
      code: 'tool-missing',
      severity: 'error',
      message: 'go was not found on PATH.',
    });
  });

  it('whichTool honours PATHEXT on Windows-style lookups', async () => {
    const bin = join(t.home, 'winbin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'git.exe'), '');
    chmodSync(join(bin, 'git.exe'), 0o755);
    expect(await whichTool('git', { PATH: bin, PATHEXT: '.EXE' }, 'win32')).toBe(join(bin, 'git.exe'));
    expect(await whichTool('git', { PATH: bin }, 'linux')).toBeUndefined();
  });
});
