import type { Detector, Span } from './kinds';

/** AAA-GG-SSSS, not glued to a longer dashed number, an id or a decimal. */
const SSN = /(?<![\w-])(?<!\d\.)(\d{3})-(\d{2})-(\d{4})(?![\w-]|\.\d)/g;

/** Numbers printed on sample cards and in advertising, never valid for a person. */
const ADVERTISING = new Set(['078051120', '219099999', '123456789']);

/** The Social Security Administration's rules for numbers it never issues. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  const all = area + group + serial;
  if (ADVERTISING.has(all)) return false;
  return !/^(\d)\1{8}$/.test(all);
}

/** US Social Security numbers in AAA-GG-SSSS form. */
export const ssnDetector: Detector = {
  kind: 'ssn',
  prefilter: '[0-9]{3}-[0-9]{2}-[0-9]{4}',
  find(text) {
    const found: Span[] = [];
    SSN.lastIndex = 0;
    for (let m = SSN.exec(text); m; m = SSN.exec(text)) {
      if (ssnValid(m[1]!, m[2]!, m[3]!)) found.push({ start: m.index, end: m.index + m[0].length });
    }
    return found;
  },
};
