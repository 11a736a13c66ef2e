import { describe, expect, it } from 'vitest';
import { isS3Uri, parseS3Uri, plainEtag, s3Uri, selectKeys } from '../../shared/domain/s3-uri';

describe('parseS3Uri', () => {
  it.each([
    ['s3://logs/2026/11/04/calls.jsonl.gz', { kind: 'object', bucket: 'logs', key: '2026/11/04/calls.jsonl.gz' }],
    ['s3://logs/2026/11/04', { kind: 'object', bucket: 'logs', key: '2026/11/04' }],
    ['s3://logs/2026/11/04/', { kind: 'prefix', bucket: 'logs', prefix: '2026/11/04/' }],
    ['s3://logs/', { kind: 'prefix', bucket: 'logs', prefix: '' }],
    ['s3://logs', { kind: 'prefix', bucket: 'logs', prefix: '' }],
    ['S3://logs/a b/%20.jsonl', { kind: 'object', bucket: 'logs', key: 'a b/%20.jsonl' }],
    ['s3://logs/2026/11/*.jsonl.gz', { kind: 'glob', bucket: 'logs', prefix: '2026/11/', glob: '2026/11/*.jsonl.gz' }],
    ['s3://logs/*.parquet', { kind: 'glob', bucket: 'logs', prefix: '', glob: '*.parquet' }],
    ['s3://logs/2026/**/calls-?.jsonl', { kind: 'glob', bucket: 'logs', prefix: '2026/', glob: '2026/**/calls-?.jsonl' }],
    ['s3://My_Bucket.v2/k', { kind: 'object', bucket: 'My_Bucket.v2', key: 'k' }],
  ])('%s', (uri, expected) => {
    expect(parseS3Uri(uri)).toEqual({ ok: true, value: expected });
  });

  it.each(['s3://', 's3:///key', 's3://../key', 's3://.hidden/key', 'http://logs/key', 's3:/logs/key'])('rejects %s with a one-line message', (uri) => {
    const result = parseS3Uri(uri);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('usage');
      expect(result.error.message).not.toContain('\n');
    }
  });

  it('round-trips with s3Uri and recognizes the scheme case-insensitively', () => {
    expect(s3Uri('logs', 'a/b.jsonl')).toBe('s3://logs/a/b.jsonl');
    expect(isS3Uri('S3://x/y')).toBe(true);
    expect(isS3Uri('/tmp/s3://x')).toBe(false);
  });
});

describe('selectKeys', () => {
  const keys = ['d/b.jsonl', 'd/a.jsonl.gz', 'd/sub/c.parquet', 'd/notes.txt', 'd/.hidden.jsonl', 'd/.git/x.jsonl', 'd2/e.jsonl', 'd/z.NDJSON'];

  it('a prefix takes dumps under it, recursively, in key order, skipping hidden names and other files', () => {
    expect(selectKeys({ kind: 'prefix', bucket: 'b', prefix: 'd/' }, keys)).toEqual(['d/a.jsonl.gz', 'd/b.jsonl', 'd/sub/c.parquet', 'd/z.NDJSON']);
  });

  it('a glob takes the keys it matches, skipping hidden names as a local glob does; * stays within a segment, ** crosses them', () => {
    expect(selectKeys({ kind: 'glob', bucket: 'b', prefix: 'd/', glob: 'd/*.jsonl*' }, keys)).toEqual(['d/a.jsonl.gz', 'd/b.jsonl']);
    expect(selectKeys({ kind: 'glob', bucket: 'b', prefix: 'd/', glob: 'd/**/x.jsonl' }, keys)).toEqual([]);
    expect(selectKeys({ kind: 'glob', bucket: 'b', prefix: '.cfg/', glob: '.cfg/*.jsonl' }, ['.cfg/a.jsonl'])).toEqual(['.cfg/a.jsonl']);
    expect(selectKeys({ kind: 'glob', bucket: 'b', prefix: 'd/', glob: 'd/**/*.parquet' }, keys)).toEqual(['d/sub/c.parquet']);
    expect(selectKeys({ kind: 'glob', bucket: 'b', prefix: '', glob: '*/e.jsonl' }, keys)).toEqual(['d2/e.jsonl']);
  });
});

describe('plainEtag', () => {
  it('drops the quotes and weak marker S3 and gateways put around an ETag', () => {
    expect(plainEtag('"9b2cf535f27731c974343645a3985328"')).toBe('9b2cf535f27731c974343645a3985328');
    expect(plainEtag('"d41d8cd98f00b204e9800998ecf8427e-12"')).toBe('d41d8cd98f00b204e9800998ecf8427e-12');
    expect(plainEtag('W/"abc"')).toBe('abc');
    expect(plainEtag(undefined)).toBe('');
  });
});
