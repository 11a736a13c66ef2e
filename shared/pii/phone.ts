import type { Detector, Span } from './kinds';

/**
 * Phone numbers as people write them: North American `(415) 555-2671`,
 * `415-555-2671`, `+1 415 555 2671`, and international numbers with a leading
 * `+` (`+44 20 7946 0958`). Bare digit strings are never phones: they are order
 * numbers, ids and epoch timestamps far more often.
 */
const NANP = /(?<![\w+./:-])(?:\+?1[ .-]?)?(?:\(([2-9]\d\d)\) ?|([2-9]\d\d)([ .-]))([2-9]\d\d)([ .-])(\d{4})(?![\w/:-]|\.\d)/g;
const INTERNATIONAL = /(?<![\w+])\+[1-9](?:[ .-]?\d){7,14}(?![\w/:-]|\.\d)/g;

/** `415-555 2671` mixes separators: a range or a list, not a phone. */
function consistent(m: RegExpExecArray): boolean {
  return m[3] === undefined || m[3] === m[5];
}

export const phoneDetector: Detector = {
  kind: 'phone',
  prefilter: '[0-9]{3}\\)? ?[ .-]?[0-9]{3}[ .-][0-9]{4}|\\+[1-9](?:[ .-]?[0-9]){7}',
  find(text) {
    const found: Span[] = [];
    NANP.lastIndex = 0;
    for (let m = NANP.exec(text); m; m = NANP.exec(text)) {
      if (consistent(m)) found.push({ start: m.index, end: m.index + m[0].length });
    }
    INTERNATIONAL.lastIndex = 0;
    for (let m = INTERNATIONAL.exec(text); m; m = INTERNATIONAL.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length });
    }
    return found;
  },
};
