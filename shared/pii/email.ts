import type { Detector, Span } from './kinds';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** . _ % + - */
function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45;
}
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TLD = /^[A-Za-z]{2,24}$/;

/** The local part ending at `at`, walked back at most MAX_LOCAL characters (bounded work per `@`). */
function localStart(text: string, at: number): number | undefined {
  let i = at;
  while (i > 0 && at - i <= MAX_LOCAL && isLocalChar(text.charCodeAt(i - 1))) i--;
  if (at - i > MAX_LOCAL) return undefined;
  while (i < at && text[i] === '.') i++;
  const local = text.slice(i, at);
  if (local.length === 0 || local.endsWith('.') || local.includes('..')) return undefined;
  return i;
}

/** The domain after `at`, without a sentence's trailing dot. */
function domainEnd(text: string, at: number): number | undefined {
  let i = at + 1;
  let dot = false;
  for (; i < text.length && i - at <= MAX_DOMAIN + 1 && isDomainChar(text.charCodeAt(i)); i++) {
    if (text.charCodeAt(i) === 46) dot = true;
  }
  if (!dot || i - at > MAX_DOMAIN + 1) return undefined;
  while (i > at + 1 && (text[i - 1] === '.' || text[i - 1] === '-')) i--;
  const labels = text.slice(at + 1, i).split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels[labels.length - 1]!)) return undefined;
  return i;
}

/** Email addresses: local@domain.tld. Scans around each `@`, never backtracking over the whole text. */
export const emailDetector: Detector = {
  kind: 'email',
  prefilter: '[A-Za-z0-9._%+-]@[A-Za-z0-9]',
  find(text) {
    const found: Span[] = [];
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      const start = localStart(text, at);
      const end = start === undefined ? undefined : domainEnd(text, at);
      if (start !== undefined && end !== undefined) found.push({ start, end });
    }
    return found;
  },
};
