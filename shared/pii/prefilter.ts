import { DETECTORS } from './find';
import { PII_KINDS, type PiiKind } from './kinds';

/**
 * In JSON text (metadata, messages, tool arguments) an encoder may have escaped
 * what a detector looks at: a tab after "Bearer" (`\t`), a `/` in a token (`\/`),
 * any ASCII character as `\u00XX`. Such texts go through the prefilter and the
 * detectors see the decoded strings.
 */
const JSON_ESCAPES = '\\\\u00[0-7][0-9A-Fa-f]';
const ANY_BEARER = '[Bb][Ee][Aa][Rr][Ee][Rr]';

/**
 * One pattern matching every text the chosen detectors can flag: the cheap first
 * pass a database runs over all rows (RE2 syntax, also valid JavaScript) before
 * the exact detectors look at the few candidates.
 */
export function prefilterFor(kinds: readonly PiiKind[], json: boolean): string {
  const parts = DETECTORS.filter((d) => kinds.includes(d.kind)).map((d) => `(?:${d.prefilter})`);
  if (json) {
    parts.push(JSON_ESCAPES);
    if (kinds.includes('api_key')) parts.push(ANY_BEARER);
  }
  return parts.join('|');
}

export const PII_PREFILTER: string = prefilterFor(PII_KINDS, false);
export const PII_JSON_PREFILTER: string = prefilterFor(PII_KINDS, true);
