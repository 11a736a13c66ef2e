import { describe, expect, it } from 'vitest';
import { judgeAgreement, reviewerAgreement } from '../../shared/review/agreement';
import { resolveLabels } from '../../shared/review/conflicts';
import { cohenKappa, fleissKappa } from '../../shared/review/kappa';
import type { Verdict } from '../../shared/review/label-event';
import type { CurrentLabel } from '../../shared/review/replay';

let seq = 0;
const label = (request_id: string, reviewer: string, verdict: Verdict, labeled_at = '2026-11-04T10:00:00Z'): CurrentLabel => ({ request_id, reviewer, verdict, note: null, expected: null, reason: null, labeled_at, seq: seq++ });

describe('kappa', () => {
  it("gives Cohen's kappa of the textbook 2x2 example (20/5/10/15 -> 0.4)", () => {
    const pairs = [...Array(20).fill(['y', 'y']), ...Array(5).fill(['y', 'n']), ...Array(10).fill(['n', 'y']), ...Array(15).fill(['n', 'n'])] as ['y' | 'n', 'y' | 'n'][];
    expect(cohenKappa(pairs)).toBeCloseTo(0.4, 12);
  });

  it("gives Fleiss' kappa of the textbook 10 subjects x 14 raters example (0.210)", () => {
    const counts = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(counts)).toBeCloseTo(0.20993, 4);
  });

  it('is undefined (null) without items or when every rating is the same category', () => {
    expect(cohenKappa([])).toBeNull();
    expect(cohenKappa([['fail', 'fail'], ['fail', 'fail']])).toBeNull();
    expect(fleissKappa([[3, 0], [2, 0]])).toBeNull();
    expect(fleissKappa([[1, 0]])).toBeNull();
  });

  it('is 1 for perfect agreement and negative for systematic disagreement', () => {
    expect(cohenKappa([['pass', 'pass'], ['fail', 'fail']])).toBe(1);
    expect(cohenKappa([['pass', 'fail'], ['fail', 'pass']])).toBe(-1);
    expect(fleissKappa([[3, 0], [0, 3]])).toBe(1);
  });
});

describe('reviewer agreement', () => {
  it("pairs every two reviewers on the calls both labeled, and adds Fleiss' kappa with three or more", () => {
    const labels = [
      label('a', 'alice', 'fail'), label('a', 'bob', 'fail'), label('a', 'carol', 'fail'),
      label('b', 'alice', 'fail'), label('b', 'bob', 'pass'),
      label('c', 'alice', 'pass'), label('c', 'bob', 'pass'), label('c', 'carol', 'pass'),
      label('d', 'alice', 'pass'), label('d', 'bob', 'pass'),
      label('e', 'carol', 'fail'),
    ];
    const report = reviewerAgreement(labels);
    expect(report.reviewers).toEqual(['alice', 'bob', 'carol']);
    const ab = report.pairs.find((p) => p.reviewers.join() === 'alice,bob')!;
    expect(ab).toEqual({ reviewers: ['alice', 'bob'], items: 4, agreement: 0.75, kappa: 0.5 });
    expect(report.pairs.find((p) => p.reviewers.join() === 'alice,carol')).toEqual({ reviewers: ['alice', 'carol'], items: 2, agreement: 1, kappa: 1 });
    // Calls a..d have two or more labels; per call [pass, fail] counts: a [0,3], b [1,1], c [3,0], d [2,0].
    expect(report.fleiss).toEqual({ items: 4, kappa: fleissKappa([[0, 3], [1, 1], [3, 0], [2, 0]]) });
    // Observed 3 of 4 calls unanimous (0.75); pass 6 and fail 4 of 10 ratings give chance 0.52.
    expect(report.fleiss!.kappa).toBeCloseTo((0.75 - 0.52) / 0.48, 12);
  });

  it('has no Fleiss kappa with two reviewers', () => {
    expect(reviewerAgreement([label('a', 'alice', 'fail'), label('a', 'bob', 'fail')]).fleiss).toBeNull();
  });
});

describe('judge vs human', () => {
  it('counts how often a failing judge score matches a human fail', () => {
    const calls = [
      { score: 0.1, human: 'fail' }, { score: 0.3, human: 'fail' }, { score: 0.2, human: 'pass' },
      { score: 0.9, human: 'fail' }, { score: 0.8, human: 'pass' },
    ] as const;
    const report = judgeAgreement('faithfulness', calls, 0.4);
    expect(report).toMatchObject({ items: 5, both_fail: 2, judge_fail_human_pass: 1, judge_pass_human_fail: 1, both_pass: 1, agreement: 0.6 });
    expect(report.judge_fail_confirmed).toBeCloseTo(2 / 3, 12);
    expect(report.human_fail_caught).toBeCloseTo(2 / 3, 12);
    expect(report.kappa).toBeCloseTo((0.6 - 0.52) / 0.48, 12);
    expect(judgeAgreement('x', [{ score: 0.4, human: 'pass' }], 0.4).both_pass).toBe(1);
  });
});

describe('conflicts', () => {
  const labels = [
    label('r1', 'alice', 'fail', '2026-11-04T10:00:00Z'), label('r1', 'bob', 'pass', '2026-11-04T11:00:00Z'),
    label('r2', 'alice', 'fail', '2026-11-04T10:00:00Z'), label('r2', 'bob', 'fail', '2026-11-04T09:00:00Z'),
    label('r3', 'carol', 'pass'),
  ];

  it('reports calls whose reviewers disagree and leaves them out', () => {
    const { resolved, conflicts } = resolveLabels(labels, 'none');
    expect(conflicts).toEqual([{ request_id: 'r1', labels: [{ reviewer: 'alice', verdict: 'fail', labeled_at: '2026-11-04T10:00:00Z' }, { reviewer: 'bob', verdict: 'pass', labeled_at: '2026-11-04T11:00:00Z' }] }]);
    expect(resolved.map((r) => [r.request_id, r.label.reviewer, r.resolvedConflict])).toEqual([['r2', 'alice', false], ['r3', 'carol', false]]);
  });

  it('takes the latest label with --resolve latest', () => {
    const { resolved, conflicts } = resolveLabels(labels, 'latest');
    expect(conflicts).toHaveLength(1);
    expect(resolved.map((r) => [r.request_id, r.label.reviewer, r.label.verdict, r.resolvedConflict])).toEqual([['r1', 'bob', 'pass', true], ['r2', 'alice', 'fail', false], ['r3', 'carol', 'pass', false]]);
  });
});
