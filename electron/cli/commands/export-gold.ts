import type { LabelConflict } from '../../../shared/review/conflicts';
import { exportGold, type GoldReport, type GoldVerdict } from '../../engine/review/gold';
import { flag, requiredOption, stringOption } from '../args';
import type { Command, CommandIo, ParsedArgs } from '../command';
import { openReview, queueOption, queueOptions, REVIEW_OPTIONS, unwrap } from '../open-review';
import { UsageError } from '../usage-error';

const VERDICTS: readonly GoldVerdict[] = ['fail', 'pass', 'all'];

function verdictOption(args: ParsedArgs): GoldVerdict {
  const verdict = stringOption(args, 'verdict') ?? 'fail';
  if (!(VERDICTS as readonly string[]).includes(verdict)) throw new UsageError(`--verdict must be fail, pass or all (got "${verdict}")`);
  return verdict as GoldVerdict;
}

function resolveOption(args: ParsedArgs): 'latest' | 'none' {
  const resolve = stringOption(args, 'resolve');
  if (resolve === undefined) return 'none';
  if (resolve !== 'latest') throw new UsageError(`--resolve takes latest (got "${resolve}")`);
  return 'latest';
}

function describeConflict(conflict: LabelConflict): string {
  return `${conflict.request_id} (${conflict.labels.map((l) => `${l.reviewer} ${l.verdict}`).join(', ')})`;
}

function warn(report: GoldReport, resolved: boolean, io: CommandIo): void {
  const { conflicts } = report;
  if (conflicts.length > 0) {
    const shown = conflicts.slice(0, 3).map(describeConflict).join('; ');
    const more = conflicts.length > 3 ? `; and ${conflicts.length - 3} more` : '';
    const what = resolved ? 'took the latest label' : 'left out; pass --resolve latest to take the latest label';
    io.stderr.write(`warning: ${conflicts.length} call(s) with conflicting labels, ${what}: ${shown}${more}\n`);
  }
  if (report.unknown_calls.length > 0) {
    io.stderr.write(`warning: ${report.unknown_calls.length} labeled request id(s) not in this workspace, left out (first: ${report.unknown_calls[0]})\n`);
  }
}

export const exportGoldCommand: Command = {
  name: 'export-gold',
  summary: 'write labeled calls as gold JSONL rows for CI (PII masked)',
  usage: 'tracelens export-gold --db FILE --out FILE [--verdict fail|pass|all] [--queue NAME] [--sample-rate R] [--merge EXISTING] [--resolve latest] [--labels JOURNAL]... [--json]',
  options: { ...REVIEW_OPTIONS, out: { type: 'string' }, verdict: { type: 'string' }, queue: { type: 'string' }, merge: { type: 'string' }, resolve: { type: 'string' }, 'sample-rate': { type: 'string' } },
  async run(args, io) {
    const out = requiredOption(args, 'out');
    const verdict = verdictOption(args);
    const resolve = resolveOption(args);
    const queue = queueOption(args);
    const review = await openReview(args, io);
    try {
      const options = await queueOptions(args, review, queue);
      const report = unwrap(await exportGold(review, out, { ...options, verdict, queue, resolve, merge: stringOption(args, 'merge') }));
      warn(report, resolve === 'latest', io);
      if (flag(args, 'json')) io.stdout.write(JSON.stringify({ out, ...report }) + '\n');
      else io.stdout.write(`wrote ${report.rows} gold row(s) to ${out}: ${report.added} new, ${report.kept} kept from before\n`);
      return 0;
    } finally {
      review.workspace.close();
    }
  },
};
