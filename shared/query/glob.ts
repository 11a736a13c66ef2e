/**
 * Glob patterns for local paths and S3 keys: `*` and `?` stay within one path
 * segment, `**` crosses segments, `[abc]` is a character class.
 */
export function hasGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) {
        out += '\\[';
      } else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        out += `[${body.startsWith('!') ? '^' + body.slice(1) : body}]`;
        i = end;
      }
    } else {
      out += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}

/** The literal leading directory of a pattern: where a walk has to start. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const literal: string[] = [];
  for (const segment of segments) {
    if (hasGlob(segment)) break;
    literal.push(segment);
  }
  if (literal.length === segments.length) literal.pop();
  return literal.join('/');
}

export const DUMP_EXTENSIONS = ['.jsonl', '.ndjson', '.json', '.jsonl.gz', '.ndjson.gz', '.json.gz', '.gz', '.parquet'];

export function hasDumpExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return DUMP_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
