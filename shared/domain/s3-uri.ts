import { err, ok, type Result } from '../api/result';
import { globBase, globToRegExp, hasDumpExtension, hasGlob } from '../query/glob';

/**
 * What an `s3://` SOURCE names:
 * - `s3://bucket/key`: one object, or, when no such object exists, the "folder" `key/`;
 * - `s3://bucket/` or `s3://bucket/prefix/`: every dump under the prefix (like a local folder);
 * - `s3://bucket/prefix/*.jsonl.gz`: every object whose key matches the glob.
 */
export type S3Target =
  | { readonly kind: 'object'; readonly bucket: string; readonly key: string }
  | { readonly kind: 'prefix'; readonly bucket: string; readonly prefix: string }
  | { readonly kind: 'glob'; readonly bucket: string; readonly prefix: string; readonly glob: string };

// Lenient on purpose: S3-compatible stores accept names AWS does not (upper case, underscores),
// but never a slash or a leading dot, so a bucket name is always a safe folder name in the cache.
const BUCKET = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

export function isS3Uri(arg: string): boolean {
  return /^s3:\/\//i.test(arg);
}

export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

/** Parses an `s3://` URI. Keys are taken literally (no percent-decoding), as the AWS CLI does. */
export function parseS3Uri(uri: string): Result<S3Target> {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/is.exec(uri);
  if (!match) return err('usage', `not an s3:// URI: ${uri}`);
  const bucket = match[1] ?? '';
  const key = match[2] ?? '';
  if (!BUCKET.test(bucket)) return err('usage', `${uri} does not name a bucket: write s3://BUCKET/KEY or s3://BUCKET/PREFIX/`);
  if (hasGlob(key)) {
    const base = globBase(key);
    return ok({ kind: 'glob', bucket, prefix: base === '' ? '' : `${base}/`, glob: key });
  }
  if (key === '' || key.endsWith('/')) return ok({ kind: 'prefix', bucket, prefix: key });
  return ok({ kind: 'object', bucket, key });
}

/**
 * The listed keys a prefix or glob target loads, in key order. A prefix loads what a local
 * folder would: files with a dump extension, skipping hidden names (a segment starting with a dot
 * below the prefix); a glob skips hidden names too, as a local glob does.
 */
export function selectKeys(target: Exclude<S3Target, { kind: 'object' }>, keys: readonly string[]): string[] {
  const hidden = (k: string) => k.slice(target.prefix.length).split('/').some((s) => s.startsWith('.'));
  let selected: string[];
  if (target.kind === 'glob') {
    const pattern = globToRegExp(target.glob);
    selected = keys.filter((k) => pattern.test(k) && !hidden(k));
  } else {
    selected = keys.filter((k) => k.startsWith(target.prefix) && hasDumpExtension(k) && !hidden(k));
  }
  return [...selected].sort();
}

/** The ETag without the quotes S3 puts around it. */
export function plainEtag(etag: string | undefined): string {
  return (etag ?? '').replace(/^W\//, '').replace(/^"|"$/g, '');
}
