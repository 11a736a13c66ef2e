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

/**
 * Fastest of a few runs of each size, interleaved so both sizes see the same load
 * from whatever else the machine runs.
 */
function fastest(small: () => void, large: () => void): { small: number; large: number } {
  const best = { small: Infinity, large: Infinity };
  for (let i = 0; i < 3; i++) {
    for (const [size, run] of [['small', small], ['large', large]] as const) {
      const started = performance.now();
      run();
      best[size] = Math.min(best[size], performance.now() - started);
    }
  }
  return best;
}

/** From 128 KB to 1 MB linear work grows 8x and quadratic 64x. Below the floor, timings are noise; a quadratic 1 MB scan takes minutes. */
function expectLinear({ small, large }: { small: number; large: number }): void {
  expect(large).toBeLessThan(Math.max(24 * small, 250));
  expect(large).toBeLessThan(1000);
}

describe('every detector is linear in its input', () => {
  for (const detector of DETECTORS) {
    it.each(ADVERSARIAL[detector.kind])(`${detector.kind}: 1 MB of %j`, (unit) => {
      const small = repeatTo(unit, MB / 8);
      const large = repeatTo(unit, MB);
      expectLinear(fastest(() => detector.find(small), () => detector.find(large)));
    });
  }

  it('findPii and maskText over 1 MB of mixed adversarial text', () => {
    const text = repeatTo(Object.values(ADVERSARIAL).flat().join(''), MB);
    const small = text.slice(0, MB / 8);
    expectLinear(fastest(() => maskText(small), () => maskText(text)));
    expect(findPii(text).length).toBeGreaterThan(0);
  });
});
