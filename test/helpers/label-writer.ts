/**
 * Writes labels to a journal in a loop, printing each request id once the
 * journal reports it saved. Killed from outside by the crash test.
 * Usage: label-writer JOURNAL PREFIX
 */
import { LabelJournal } from '../../electron/engine/review/journal';

const [journalPath, prefix] = process.argv.slice(2);
if (!journalPath || !prefix) {
  process.stderr.write('usage: label-writer JOURNAL PREFIX\n');
  process.exit(2);
}
const journal = await LabelJournal.open(journalPath);
if (!journal.ok) {
  process.stderr.write(`${journal.error.message}\n`);
  process.exit(3);
}
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const id = `${prefix}-${i}`;
  // Lines of varied length, some long enough to span more than one page of the file.
  const saved = await journal.value.append({ request_id: id, verdict: i % 2 ? 'pass' : 'fail', note: `note ${'x'.repeat((i * 397) % 6000)}`, reviewer: 'crash-test' });
  if (!saved.ok) {
    process.stderr.write(`${saved.error.message}\n`);
    process.exit(4);
  }
  process.stdout.write(`${id}\n`);
}
