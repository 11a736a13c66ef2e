import { agreementReport } from '../../engine/review/agreement';
import { mergeJournalFiles } from '../../engine/review/merge-journals';
import { flag, requiredOption } from '../args';
import type { Command, CommandIo, ParsedArgs } from '../command';
import { openReview, queueOption, queueOptions, REVIEW_OPTIONS, unwrap } from '../open-review';
import { renderTable } from '../table';
import { UsageError, type ExitCode } from '../usage-error';

async function merge(args: ParsedArgs, inputs: readonly string[], io: CommandIo): Promise<ExitCode> {
  if (inputs.length === 0) throw new UsageError('give the journals to merge: tracelens labels merge A.labels.jsonl B.labels.jsonl --out C.labels.jsonl');
  const out = requiredOption(args, 'out');
  const report = unwrap(await mergeJournalFiles(inputs, out));
  for (const p of report.problems.slice(0, 5)) io.stderr.write(`warning: ${p.source}:${p.line}: ${p.reason}\n`);
  if (flag(args, 'json')) io.stdout.write(JSON.stringify({ out, ...report }) + '\n');
  else io.stdout.write(`wrote ${report.events} label event(s) to ${out} (${report.duplicates} duplicate(s) dropped, ${report.problems.length} bad line(s) skipped)\n`);
  return 0;
}

const fixed = (value: number | null) => (value === null ? null : Number(value.toFixed(3)));

async function agreement(args: ParsedArgs, io: CommandIo): Promise<ExitCode> {
  const queue = queueOption(args);
  const review = await openReview(args, io);
  try {
    const report = await agreementReport(review, { ...(await queueOptions(args, review, queue)), queue });
    if (flag(args, 'json')) {
      io.stdout.write(JSON.stringify(report) + '\n');
      return 0;
    }
    io.stdout.write(`${report.labeled} labeled call(s), ${report.conflicts} with conflicting labels\n\n`);
    io.stdout.write(renderTable(['reviewers', 'common calls', 'agreement', 'cohen kappa'], report.reviewers.pairs.map((p) => [p.reviewers.join(' / '), p.items, fixed(p.agreement), fixed(p.kappa)])));
    if (report.reviewers.fleiss) io.stdout.write(`\nfleiss kappa over ${report.reviewers.fleiss.items} call(s) labeled by two or more: ${fixed(report.reviewers.fleiss.kappa) ?? '-'}\n`);
    io.stdout.write('\n' + renderTable(['judge score', 'calls', 'judge fail = human fail', 'human fails caught', 'agreement', 'kappa'], report.judges.map((j) => [j.name, j.items, fixed(j.judge_fail_confirmed), fixed(j.human_fail_caught), fixed(j.agreement), fixed(j.kappa)])));
    return 0;
  } finally {
    review.workspace.close();
  }
}

export const labelsCommand: Command = {
  name: 'labels',
  summary: 'label journals: merge several reviewers\' journals; agreement between reviewers and with the judge',
  usage: 'tracelens labels merge JOURNAL... --out FILE | tracelens labels agreement --db FILE [--queue NAME] [--sample-rate R] [--labels JOURNAL]... [--json]',
  options: { ...REVIEW_OPTIONS, out: { type: 'string' }, queue: { type: 'string' }, 'sample-rate': { type: 'string' } },
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    if (action === 'merge') return merge(args, rest, io);
    if (action === 'agreement') {
      if (rest.length > 0) throw new UsageError(`labels agreement takes no positional arguments (got "${rest[0]}")`);
      return agreement(args, io);
    }
    throw new UsageError(action === undefined ? 'give an action: merge or agreement' : `unknown action "${action}"; use merge or agreement`);
  },
};
