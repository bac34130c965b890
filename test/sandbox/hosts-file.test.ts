import { describe, expect, it } from 'vitest';
import { blockOwner, withBlock, withoutBlock } from './hosts-file';

const entries = [
  { address: '127.0.0.2', names: ['git.corp.test'] },
  { address: '127.0.0.3', names: ['git2.corp.test'] },
];

describe('/etc/hosts sandbox block', () => {
  it('adds one block at the end and removes it byte for byte', () => {
    const original = '127.0.0.1 localhost\n::1 localhost\n';
    const added = withBlock(original, entries, '/run/x');
    expect(added.startsWith(original)).toBe(true);
    expect(added).toContain('127.0.0.2\tgit.corp.test\n');
    expect(blockOwner(added)).toBe('/run/x');
    expect(withoutBlock(added)).toBe(original);
  });

  it('keeps a file without a final newline exactly', () => {
    const original = '127.0.0.1 localhost';
    const added = withBlock(original, entries, '/run/x');
    expect(added.split('\n')[0]).toBe(original);
    expect(withoutBlock(added)).toBe(original);
  });

  it('replaces an existing block instead of adding a second one, keeping text after it', () => {
    const original = '127.0.0.1 localhost\n';
    const once = withBlock(original, entries, '/run/a');
    const withTail = once + '10.0.0.1 after\n';
    const twice = withBlock(withTail, entries.slice(0, 1), '/run/b');
    expect(twice.match(/# >>> onramp sandbox/g)).toHaveLength(1);
    expect(twice).not.toContain('git2.corp.test');
    expect(blockOwner(twice)).toBe('/run/b');
    expect(withoutBlock(twice)).toBe(original + '10.0.0.1 after\n');
  });

  it('leaves a file without a block, or with half a block, alone', () => {
    expect(withoutBlock('a\nb\n')).toBe('a\nb\n');
    const half = 'a\n# >>> onramp sandbox\n127.0.0.2 git.corp.test\n';
    expect(withoutBlock(half)).toBe(half);
    expect(blockOwner('a\n')).toBeUndefined();
    expect(withoutBlock('')).toBe('');
    expect(withoutBlock(withBlock('', entries, '/r'))).toBe('');
  });
});
