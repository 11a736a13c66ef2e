import { cohenKappa, fleissKappa } from './kappa';
import { VERDICTS, type Verdict } from './label-event';
import { groupByRequest } from './conflicts';
import { compareText, type CurrentLabel } from './replay';

export interface PairAgreement {
  readonly reviewers: readonly [string, string];
  /** Calls both reviewers labeled. */
  readonly items: number;
  /** Share of those calls with the same verdict. */
  readonly agreement: number | null;
  readonly kappa: number | null;
}

export interface ReviewerAgreement {
  readonly reviewers: readonly string[];
  /** Cohen's kappa for every pair of reviewers, on the calls both labeled. */
  readonly pairs: readonly PairAgreement[];
  /** Fleiss' kappa over the calls labeled by at least two reviewers; null with fewer than three reviewers. */
  readonly fleiss: { readonly items: number; readonly kappa: number | null } | null;
}

export function reviewerAgreement(labels: readonly CurrentLabel[]): ReviewerAgreement {
  const reviewers = [...new Set(labels.map((l) => l.reviewer))].sort(compareText);
  const byRequest = [...groupByRequest(labels).values()].map((group) => new Map(group.map((l) => [l.reviewer, l.verdict])));
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < reviewers.length; i++) {
    for (let j = i + 1; j < reviewers.length; j++) {
      const a = reviewers[i]!;
      const b = reviewers[j]!;
      const common = byRequest.filter((m) => m.has(a) && m.has(b)).map((m) => [m.get(a)!, m.get(b)!] as const);
      const agree = common.filter(([x, y]) => x === y).length;
      pairs.push({ reviewers: [a, b], items: common.length, agreement: common.length ? agree / common.length : null, kappa: cohenKappa(common) });
    }
  }
  const shared = byRequest.filter((m) => m.size >= 2).map((m) => VERDICTS.map((v) => [...m.values()].filter((x) => x === v).length));
  return { reviewers, pairs, fleiss: reviewers.length >= 3 ? { items: shared.length, kappa: fleissKappa(shared) } : null };
}

/** A judge score and the human verdict on the same call. */
export interface JudgedCall {
  readonly score: number;
  readonly human: Verdict;
}

export interface JudgeAgreement {
  readonly name: string;
  /** The judge fails a call when its score is below this. */
  readonly threshold: number;
  readonly items: number;
  readonly both_fail: number;
  readonly judge_fail_human_pass: number;
  readonly judge_pass_human_fail: number;
  readonly both_pass: number;
  /** How often a failing judge score matches a human fail. */
  readonly judge_fail_confirmed: number | null;
  /** How many human fails the judge also failed. */
  readonly human_fail_caught: number | null;
  readonly agreement: number | null;
  readonly kappa: number | null;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function judgeAgreement(name: string, calls: readonly JudgedCall[], threshold: number): JudgeAgreement {
  const pairs = calls.map((c) => [c.score < threshold ? 'fail' : 'pass', c.human] as const);
  const count = (judge: Verdict, human: Verdict) => pairs.filter(([j, h]) => j === judge && h === human).length;
  const bothFail = count('fail', 'fail');
  const judgeFailHumanPass = count('fail', 'pass');
  const judgePassHumanFail = count('pass', 'fail');
  const bothPass = count('pass', 'pass');
  return {
    name,
    threshold,
    items: calls.length,
    both_fail: bothFail,
    judge_fail_human_pass: judgeFailHumanPass,
    judge_pass_human_fail: judgePassHumanFail,
    both_pass: bothPass,
    judge_fail_confirmed: ratio(bothFail, bothFail + judgeFailHumanPass),
    human_fail_caught: ratio(bothFail, bothFail + judgePassHumanFail),
    agreement: ratio(bothFail + bothPass, calls.length),
    kappa: cohenKappa(pairs),
  };
}
