import { cardNetwork } from './card-networks';
import type { Detector, Span } from './kinds';
import { luhnValid } from './luhn';
import { gluedAfter, gluedBefore } from './text-bounds';

/** Runs of digit groups joined by single spaces or dashes: `4111 1111 1111 1111`, `2024-01-15 10`. */
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;
const GROUP = /\d+|[ -]/g;

interface Group {
  readonly start: number;
  readonly end: number;
  /** Separator before this group ('' for the first). */
  readonly sep: string;
}

function groupsOf(text: string, start: number, end: number): Group[] {
  const groups: Group[] = [];
  let sep = '';
  GROUP.lastIndex = start;
  for (let m = GROUP.exec(text); m && m.index < end; m = GROUP.exec(text)) {
    if (m[0] === ' ' || m[0] === '-') sep = m[0];
    else {
      groups.push({ start: m.index, end: m.index + m[0].length, sep });
      sep = '';
    }
  }
  return groups;
}

const len = (g: Group): number => g.end - g.start;

/**
 * Ends of the windows starting at group i that are laid out as cards are
 * printed: one block of 13-19 digits, 4-4-4-4(-3) style blocks of four with a
 * shorter last block, or the 4-6-5 / 4-6-4 of Amex and Diners. Longest first.
 */
function windowEnds(groups: readonly Group[], i: number): number[] {
  const first = len(groups[i]!);
  if (first >= 13) return first <= 19 ? [i] : [];
  if (first !== 4) return [];
  const ends: number[] = [];
  const sep = groups[i + 1]?.sep;
  let total = 4;
  for (let j = i + 1; j < groups.length && groups[j]!.sep === sep; j++) {
    const l = len(groups[j]!);
    total += l;
    if (total > 19) break;
    const amex = j === i + 2 && len(groups[i + 1]!) === 6 && (l === 4 || l === 5);
    if (total >= 13 && (l <= 4 || amex)) ends.push(j);
    if (l !== 4 && !(j === i + 1 && l === 6)) break;
  }
  return ends.reverse();
}

/** The card number spanning groups i..j, if the digits pass Luhn and a network issues them. */
function cardAt(text: string, groups: readonly Group[], i: number, j: number): Span | undefined {
  if (j > i) {
    // A neighbouring block of four in the same layout means a longer grouped number (a tracking number).
    const sep = groups[i + 1]!.sep;
    const before = groups[i - 1];
    const after = groups[j + 1];
    if (before && groups[i]!.sep === sep && len(before) === 4) return undefined;
    if (after && after.sep === sep && len(after) === 4) return undefined;
  }
  let digits = '';
  for (let k = i; k <= j; k++) digits += text.slice(groups[k]!.start, groups[k]!.end);
  if (!luhnValid(digits) || !cardNetwork(digits)) return undefined;
  return { start: groups[i]!.start, end: groups[j]!.end };
}

function cardsInRun(text: string, groups: readonly Group[]): Span[] {
  const found: Span[] = [];
  let i = 0;
  while (i < groups.length) {
    let card: Span | undefined;
    for (const j of windowEnds(groups, i)) {
      card = cardAt(text, groups, i, j);
      if (card) break;
    }
    if (card) {
      found.push(card);
      while (i < groups.length && groups[i]!.start < card.end) i++;
    } else i++;
  }
  return found;
}

/** Payment card numbers: 13-19 digits, Luhn-valid, with the prefix and length of a real network. */
export const cardDetector: Detector = {
  kind: 'pan',
  prefilter: '(?:^|[^0-9A-Za-z_])[2-6](?:[ -]?[0-9]){12}',
  find(text) {
    const found: Span[] = [];
    DIGIT_RUN.lastIndex = 0;
    for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end - start < 13) continue;
      for (const card of cardsInRun(text, groupsOf(text, start, end))) {
        // Digits glued to a word or a decimal point belong to an id or a number, not a card.
        if (!gluedBefore(text, card.start) && !gluedAfter(text, card.end)) found.push(card);
      }
    }
    return found;
  },
};
