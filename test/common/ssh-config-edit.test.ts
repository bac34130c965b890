import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ensureIncludeFirst,
  hostOptions,
  parseSshConfig,
  removeManagedHost,
  removeManagedInclude,
  upsertManagedHost,
} from '../../main/common/ssh-config';
import { caught, hasSsh, sshG as runSshG } from './dotfiles.helpers';

const fixture = readFileSync(join(__dirname, '../fixtures/dotfiles/big.ssh_config'), 'utf8');
const parse = (text: string) => parseSshConfig(text, 'config');
const dir = mkdtempSync(join(tmpdir(), 'onramp-sshedit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sshG = (text: string, alias: string) => runSshG(dir, text, alias);

describe('upsertManagedHost / removeManagedHost', () => {
  const personal = fixture.indexOf('# --- personal ---');

  it('inserts before the first Host/Match block and its comments, with the file indentation', () => {
    const out = upsertManagedHost(parse(fixture), 'git.corp', [
      ['identityfile', '~/.ssh/my key'],
      ['IdentitiesOnly', 'yes'],
    ]);
    const block =
      '# >>> onramp managed: git.corp\nHost git.corp\n    IdentityFile "~/.ssh/my key"\n    IdentitiesOnly yes\n# <<< onramp managed: git.corp\n\n';
    expect(out).toBe(fixture.slice(0, personal) + block + fixture.slice(personal));
    expect(removeManagedHost(parse(out), 'git.corp')).toBe(fixture);
  });

  it('replaces its block in place and keeps CRLF and a missing final newline', () => {
    const text =
      'Host a\r\n  User x\r\n# >>> onramp managed: h\r\nHost h\r\n  User old\r\n# <<< onramp managed: h';
    expect(
      upsertManagedHost(parse(text), 'h', [
        ['User', 'new'],
        ['Port', '2222'],
      ]),
    ).toBe(
      'Host a\r\n  User x\r\n# >>> onramp managed: h\r\nHost h\r\n  User new\r\n  Port 2222\r\n# <<< onramp managed: h',
    );
  });

  it('appends to a file without Host blocks, ending its last line first', () => {
    expect(upsertManagedHost(parse('User me'), 'h', [['Port', '1']])).toBe(
      'User me\n# >>> onramp managed: h\nHost h\n    Port 1\n# <<< onramp managed: h\n',
    );
    expect(upsertManagedHost(parse(''), 'h', [['Port', '1']])).toBe(
      '# >>> onramp managed: h\nHost h\n    Port 1\n# <<< onramp managed: h\n',
    );
  });

  it.each([
    ['StrictHostKeyChecking', 'no'],
    ['stricthostkeychecking', 'OFF'],
    ['UserKnownHostsFile', '/dev/null'],
    ['UserKnownHostsFile', '~/.ssh/known_hosts /dev/null'],
    ['User', 'a\nHost *'],
    ['User', 'a\u0000'],
    ['User', 'a"b'],
    ['Frobnicate', 'yes'],
    ['Host', 'x'],
    ['Include', 'x'],
  ])('refuses %s %j', (keyword, value) => {
    expect(caught(() => upsertManagedHost(parse(''), 'h', [[keyword, value]])).code).toBe('invalid-input');
  });

  it('refuses aliases that are patterns', () => {
    for (const alias of ['*.corp', 'a b', '!x', 'a,b', '', 'h\n']) {
      expect(caught(() => upsertManagedHost(parse(''), alias, [])).code).toBe('invalid-input');
    }
  });

  it.runIf(hasSsh)('wins over Host * for ssh, loses to earlier top-level options as hostOptions says', () => {
    const text = 'User global\n\nHost *\n  Port 2200\n  IdentityFile /k/star\n';
    const out = upsertManagedHost(parse(text), 'git.example', [
      ['Port', '2222'],
      ['User', 'git'],
      ['IdentityFile', '/k/my key'],
    ]);
    const ssh = sshG(out, 'git.example');
    const view = hostOptions(parse(out), 'git.example');
    expect(ssh.out.get('port')).toEqual(['2222']);
    expect(view.port?.value).toBe('2222');
    expect(ssh.out.get('user')).toEqual(['global']);
    expect(view.user?.value).toBe('global');
    expect(ssh.out.get('identityfile')).toEqual(['/k/my key', '/k/star']);
    expect(view.identityFiles.map((f) => f.value)).toEqual(['/k/my key', '/k/star']);
  });
});

describe('ensureIncludeFirst', () => {
  it('is a no-op when a top-level Include of the path comes first', () => {
    expect(ensureIncludeFirst(parse(fixture), 'config.d/*')).toBe(fixture);
    expect(ensureIncludeFirst(parse(fixture), '~/.ssh/config.d/*')).toBe(fixture);
  });

  it('puts the Include before the first directive, after the file header', () => {
    const out = ensureIncludeFirst(parse(fixture), 'onramp/config');
    const at = fixture.indexOf('Include config.d/*');
    const block =
      '# >>> onramp managed: Include onramp/config\nInclude onramp/config\n# <<< onramp managed: Include onramp/config\n\n';
    expect(out).toBe(fixture.slice(0, at) + block + fixture.slice(at));
    expect(removeManagedInclude(parse(out), 'onramp/config')).toBe(fixture);
  });

  it('adds a top-level Include when the only one sits inside a Host block', () => {
    const text = 'Host a\n  Include x.conf\n';
    expect(ensureIncludeFirst(parse(text), 'x.conf')).toBe(
      `# >>> onramp managed: Include x.conf\nInclude x.conf\n# <<< onramp managed: Include x.conf\n\n${text}`,
    );
  });

  it.runIf(hasSsh)('lets the included Host blocks win while later top-level options stay global', () => {
    const inc = join(dir, 'onramp.conf');
    writeFileSync(inc, 'Host git.example\n  User fromincl\n');
    const out = ensureIncludeFirst(parse('User global\nHost *\n  User star\n'), inc);
    expect(sshG(out, 'git.example').out.get('user')).toEqual(['fromincl']);
    expect(sshG(out, 'other').out.get('user')).toEqual(['global']);
  });
});
