import { findPii } from './find';
import { PLACEHOLDERS } from './kinds';

/** `text` with every finding replaced by its typed placeholder (`[PAN]`, `[SSN]`, `[EMAIL]`, `[SECRET]`, `[PHONE]`). */
export function maskText(text: string): string {
  const matches = findPii(text);
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + PLACEHOLDERS[m.kind];
    at = m.end;
  }
  return out + text.slice(at);
}

/** A card number logged as a JSON number (`"card": 4111111111111111`) becomes the string `[PAN]`. */
function maskNumber(value: number): unknown {
  if (!Number.isSafeInteger(value) || Math.abs(value) < 1e12) return value;
  const masked = maskText(String(value));
  return masked === String(value) ? value : masked;
}

/** A JSON-like value with every string inside it masked; object keys and booleans are left as they are. */
export function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (typeof value === 'number') return maskNumber(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = maskDeep(v);
    return out;
  }
  return value;
}
