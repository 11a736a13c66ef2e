import { describe, expect, it } from 'vitest';
import { globBase, globToRegExp, hasDumpExtension, hasGlob } from '../../shared/query/glob';

describe('glob patterns', () => {
  it.each([
    ['dumps/*.jsonl', 'dumps/a.jsonl', true],
    ['dumps/*.jsonl', 'dumps/sub/a.jsonl', false],
    ['dumps/**/*.jsonl', 'dumps/sub/deep/a.jsonl', true],
    ['dumps/**/*.jsonl', 'dumps/a.jsonl', true],
    ['logs/2026-11-0?/*.gz', 'logs/2026-11-04/x.gz', true],
    ['logs/2026-11-0?/*.gz', 'logs/2026-11-14/x.gz', false],
    ['x/[ab].jsonl', 'x/b.jsonl', true],
    ['x/[!ab].jsonl', 'x/b.jsonl', false],
    ['a.b/*.jsonl', 'axb/c.jsonl', false],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(globToRegExp(pattern).test(path)).toBe(expected);
  });

  it('finds the literal folder a walk starts from', () => {
    expect(globBase('dumps/2026/*.jsonl')).toBe('dumps/2026');
    expect(globBase('/abs/**/x.gz')).toBe('/abs');
    expect(globBase('*.jsonl')).toBe('');
  });

  it('tells globs and dump files apart', () => {
    expect(hasGlob('a/*.jsonl')).toBe(true);
    expect(hasGlob('a/b.jsonl')).toBe(false);
    expect(hasDumpExtension('x.JSONL.GZ')).toBe(true);
    expect(hasDumpExtension('README.md')).toBe(false);
  });
});
