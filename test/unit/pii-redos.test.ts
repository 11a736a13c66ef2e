import { describe, expect, it } from 'vitest';
import { DETECTORS, findPii, maskText, type PiiKind } from '../../shared/pii';

const MB = 1 << 20;

/** Strings built to make a backtracking regex go quadratic or worse, per detector. */
const ADVERSARIAL: Record<PiiKind, readonly string[]> = {
  pan: ['4', '4 ', '4111-', '1 ', '0.4111111111111111', '4111 1111 1111 1111 ', '4111111111111111'],
  ssn: ['123-45-', '1-', '536-22-8174-', '5'],
  email: ['a', 'a@', 'a.', '@a.', 'a@a.', 'a-', 'a@a.a@'],
  api_key: ['sk-', 'sk-a', 'a', 'Bearer ', 'bearer\t1', 'AKIA', 'AKIA1'],
  private_key: ['-----BEGIN RSA PRIVATE KEY-----', '-----BEGIN ', 'A ', '-----END A ', '-----BEGIN A A A '],
  phone: ['+1 ', '+1', '1', '(415) ', '415-', '415-555-', '+4'],
};

function repeatTo(unit: string, length: number, tail = '!'): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length - tail.length) + tail;
}

/** Fastest of a few runs: the least disturbed by other work on the machine. */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('every detector is linear in its input', () => {
  for (const detector of DETECTORS) {
    it.each(ADVERSARIAL[detector.kind])(`${detector.kind}: 1 MB of %j`, (unit) => {
      const quarter = fastest(() => detector.find(repeatTo(unit, MB / 4)));
      const full = fastest(() => detector.find(repeatTo(unit, MB)));
      // Linear work grows 4x from 256 KB to 1 MB, quadratic 16x; small inputs are noisy, hence the floor.
      expect(full).toBeLessThan(Math.max(8 * quarter, 50));
      expect(full).toBeLessThan(1000);
    });
  }

  it('findPii and maskText over 1 MB of mixed adversarial text', () => {
    const text = repeatTo(Object.values(ADVERSARIAL).flat().join(''), MB);
    const full = fastest(() => maskText(text));
    const quarter = fastest(() => maskText(text.slice(0, MB / 4)));
    expect(full).toBeLessThan(Math.max(8 * quarter, 50));
    expect(findPii(text).length).toBeGreaterThan(0);
  });
});
