import { apiKeyDetector } from './api-key';
import { cardDetector } from './card';
import { emailDetector } from './email';
import type { Detector, PiiKind, PiiMatch } from './kinds';
import { phoneDetector } from './phone';
import { privateKeyDetector } from './private-key';
import { ssnDetector } from './ssn';

/** Every detector, most specific first: on the same span the earlier one wins. */
export const DETECTORS: readonly Detector[] = [privateKeyDetector, apiKeyDetector, cardDetector, ssnDetector, emailDetector, phoneDetector];

const RANK: Readonly<Record<PiiKind, number>> = Object.fromEntries(DETECTORS.map((d, i) => [d.kind, i])) as Record<PiiKind, number>;

/**
 * Every finding in `text`, in order, without overlaps: where two detectors claim
 * overlapping text (a card number inside a key), the longer finding is kept.
 */
export function findPii(text: string): PiiMatch[] {
  const all: PiiMatch[] = [];
  for (const detector of DETECTORS) {
    for (const span of detector.find(text)) all.push({ kind: detector.kind, start: span.start, end: span.end });
  }
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || RANK[a.kind] - RANK[b.kind]);
  const kept: PiiMatch[] = [];
  for (const match of all) {
    const last = kept[kept.length - 1];
    if (!last || match.start >= last.end) kept.push(match);
    else if (match.end - match.start > last.end - last.start) kept[kept.length - 1] = match;
  }
  return kept;
}
