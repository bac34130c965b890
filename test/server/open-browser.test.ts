// `onramp web --open` must not put the token in a browser's argv (visible to every local user
// in `ps`): the browser gets a private launcher file that refreshes to the link.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openInBrowser } from '../../main/server/open-browser';
import { waitFor } from './server-fixture';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe.skipIf(process.platform !== 'linux')('openInBrowser', () => {
  it('hands xdg-open a 0600 file, not the URL, and removes the file on cleanup', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'onramp-fake-xdg-'));
    const argvFile = join(bin, 'argv');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${argvFile}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    process.env.PATH = `${bin}:${savedPath}`;
    const url = 'http://127.0.0.1:5555/?token=SeCrEtToKeN_abcdefghijklmnopqrstuvwxyz0123';
    const errors: string[] = [];
    const opened = await openInBrowser(url, (m) => errors.push(m));
    await waitFor(() => existsSync(argvFile), 'fake xdg-open to run');
    const argv = readFileSync(argvFile, 'utf8').trim();
    expect(argv).not.toContain('SeCrEtToKeN');
    expect(statSync(argv).mode & 0o777).toBe(0o600);
    const page = readFileSync(argv, 'utf8');
    expect(page).toContain('http-equiv="refresh"');
    expect(page).toContain(url);
    await opened.cleanup();
    expect(existsSync(argv)).toBe(false);
    expect(errors).toEqual([]);
    rmSync(bin, { recursive: true, force: true });
  });

  it('reports a missing opener instead of failing', async () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), 'onramp-empty-path-'));
    const errors: string[] = [];
    const opened = await openInBrowser('http://127.0.0.1:1/?token=x', (m) => errors.push(m));
    await waitFor(() => errors.length > 0, 'spawn error');
    expect(errors[0]).toContain('open the URL above yourself');
    await opened.cleanup();
  });
});
