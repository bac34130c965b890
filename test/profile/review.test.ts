// The security review against a table of hostile and odd profiles: every dangerous item the
// issue lists is flagged with a stable id, blocked until overridden one by one, and nothing is
// written to the machine (the CLI is run on a temp HOME and the tree compared).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewProfile } from '../../main/common/profile/review';
import { checkConsent } from '../../main/common/profile/review-types';
import { desiredSettings } from '../../main/common/profile/settings';
import { applyCommand } from '../../main/cli/commands/onboard';
import { snapshotTree } from '../helpers/tree-snapshot';
import { runCmd } from './cli-helpers';
import { baseProfile, parsed, shellEnv, text, type Json } from './profile-helpers';
import { table } from './review-table';

const review = (p: Json) =>
  reviewProfile(parsed(p), desiredSettings(parsed(p).profile, { caDir: '/ca' }), '/ca');
describe('security review', () => {
  it.each(table)('flags %s', (_name, patch, id, level) => {
    const p = baseProfile();
    patch(p);
    const items = review(p);
    const item = items.find((i) => i.id === id);
    expect(item, `ids: ${items.map((i) => i.id).join(', ')}`).toBeDefined();
    expect(item?.level).toBe(level);
    expect(item?.line).toBeGreaterThan(1);
    expect(item?.explanation.length).toBeGreaterThan(30);
    const blocked = checkConsent(items, { acceptWarnings: true, overrides: [] }).blocked.map((i) => i.id);
    if (level === 'danger') {
      expect(blocked).toContain(id);
      // Overriding this one item clears it (and only it).
      const again = checkConsent(items, { acceptWarnings: true, overrides: [id] });
      expect(again.blocked.map((i) => i.id)).not.toContain(id);
    } else
      expect(
        checkConsent(items, { acceptWarnings: false, overrides: [] }).unconsented.map((i) => i.id),
      ).toContain(id);
  });

  it('says nothing about what a normal profile needs', () => {
    expect(review(baseProfile())).toEqual([]);
    const p = baseProfile();
    Object.assign(p.hosts[0], {
      protocol: 'ssh',
      ssh: { host: 'git.corp.test', fingerprints: ['SHA256:' + 'A'.repeat(43)] },
    });
    expect(review(p).map((i) => `${i.level} ${i.id}`)).toEqual(['info ssh-pin:git.corp.test']);
  });

  it('a typo in --allow does not pass silently', () => {
    const p = baseProfile();
    p.sumdb = 'off';
    const c = checkConsent(review(p), { acceptWarnings: true, overrides: ['go-sumdb-of'] });
    expect(c.ok).toBe(false);
    expect(c.unknownOverrides).toEqual(['go-sumdb-of']);
  });
});

describe('nothing is written before consent', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'onramp-review-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const dangerous = table.filter((r) => r[3] === 'danger');
  it.each(dangerous)('apply --yes refuses %s and leaves HOME untouched', async (name, patch, id) => {
    const dir = join(root, name.replace(/[^a-z0-9]+/gi, '-'));
    const home = join(dir, 'home');
    const env = shellEnv(home, join(dir, 'data'), join(dir, 'cache'));
    const p = baseProfile();
    patch(p);
    mkdirSync(home, { recursive: true });
    const file = join(dir, 'p.json');
    writeFileSync(file, text(p));
    const before = snapshotTree(dir);
    const r = await runCmd(applyCommand, ['--profile', file, '--yes', '--token-stdin', '--json'], env, {
      stdin: 'tok-1234567890\n',
    });
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out);
    expect(res.ok).toBe(false);
    expect(res.error.message).toContain(`--allow ${id}`);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
