import type { Detector, Span } from './kinds';

const BEGIN = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY( BLOCK)?-----/g;
const END = /-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;

/**
 * PEM / OpenSSH / PGP private key blocks, from BEGIN to the next END line. A block
 * whose END was cut off (a truncated preview) runs to the end of the text: what
 * follows a BEGIN line is key material until proven otherwise.
 */
export const privateKeyDetector: Detector = {
  kind: 'private_key',
  prefilter: 'BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY',
  find(text) {
    const found: Span[] = [];
    BEGIN.lastIndex = 0;
    for (let m = BEGIN.exec(text); m; m = BEGIN.exec(text)) {
      END.lastIndex = m.index + m[0].length;
      const e = END.exec(text);
      const end = e ? e.index + e[0].length : text.length;
      found.push({ start: m.index, end });
      BEGIN.lastIndex = end;
    }
    return found;
  },
};
