import type { Detector, Span } from './kinds';

/**
 * Provider keys and bearer tokens. Every pattern is a fixed prefix followed by a
 * single character class, so the regex engine backtracks at most the prefix
 * length: linear in the text. `group` is the secret itself (a suffix of the match).
 */
const PATTERNS: readonly { readonly re: RegExp; readonly group: 0 | 1; readonly random: boolean }[] = [
  // OpenAI (sk-..., sk-proj-..., sk-svcacct-...) and Anthropic (sk-ant-api03-...).
  { re: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}/g, group: 0, random: true },
  // AWS access key ids: long-term (AKIA) and temporary (ASIA).
  { re: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, group: 0, random: false },
  // The token of an `Authorization: Bearer ...` header; "Bearer " stays readable in masked text.
  { re: /(?<![A-Za-z0-9])[Bb][Ee][Aa][Rr][Ee][Rr][ \t]{1,8}([A-Za-z0-9._~+/-]{16,}=*)/g, group: 1, random: true },
];

/** Real keys and tokens are random, with digits: "sk-learn-tutorial-for-beginners" is prose. */
function looksRandom(secret: string): boolean {
  return /\d/.test(secret) && /[A-Za-z]/.test(secret);
}

/** Secrets reported as `api_key`: OpenAI and Anthropic keys, AWS access key ids, bearer tokens. */
export const apiKeyDetector: Detector = {
  kind: 'api_key',
  prefilter: 'sk-[A-Za-z0-9_-]{20}|(?:AKIA|ASIA)[A-Z0-9]{16}|[Bb][Ee][Aa][Rr][Ee][Rr][ \\t]+[A-Za-z0-9._~+/-]{16}',
  find(text) {
    const found: Span[] = [];
    for (const { re, group, random } of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const secret = m[group]!;
        if (random && !looksRandom(secret)) continue;
        const end = m.index + m[0].length;
        found.push({ start: end - secret.length, end });
      }
    }
    return found;
  },
};
