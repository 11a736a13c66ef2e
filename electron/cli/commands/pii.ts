import { isPiiKind, PII_KINDS, type PiiKind, type PiiReport } from '../../../shared/pii';
import { scanPii } from '../../engine/pii/scan';
import { flag, listOption } from '../args';
import type { Command, CommandIo } from '../command';
import { openSources, warnSkipped } from '../open-sources';
import { SOURCE_OPTIONS } from '../source-options';
import { renderTable } from '../table';
import { terminalText } from '../terminal-text';
import { UsageError } from '../usage-error';

/** Findings listed in the human output; --json has all of them. */
const SHOWN = 100;

export function parseKinds(entries: readonly string[]): PiiKind[] | undefined {
  const kinds = entries.flatMap((e) => e.split(',')).map((s) => s.trim()).filter(Boolean);
  if (kinds.length === 0) return undefined;
  for (const kind of kinds) if (!isPiiKind(kind)) throw new UsageError(`unknown kind "${kind}" in --kind; use one of: ${PII_KINDS.join(', ')}`);
  return kinds as PiiKind[];
}

function printReport(report: PiiReport, io: CommandIo): void {
  const { findings, counts, rows_scanned } = report;
  if (findings.length === 0) {
    io.stdout.write(`No PII or secrets found in ${rows_scanned.toLocaleString('en-US')} calls.\n`);
    return;
  }
  const rows = findings.slice(0, SHOWN).map((f) => [f.kind, terminalText(f.request_id), terminalText(f.field), terminalText(f.match)]);
  io.stdout.write(renderTable(['kind', 'request_id', 'field', 'match'], rows));
  if (findings.length > SHOWN) io.stdout.write(`... and ${(findings.length - SHOWN).toLocaleString('en-US')} more (all of them: --json)\n`);
  const byKind = PII_KINDS.filter((k) => counts[k] > 0).map((k) => `${k} ${counts[k].toLocaleString('en-US')}`);
  io.stdout.write(`\n${findings.length.toLocaleString('en-US')} finding(s) in ${rows_scanned.toLocaleString('en-US')} calls: ${byKind.join(', ')}\n`);
}

export const piiCommand: Command = {
  name: 'pii',
  summary: 'scan free text for card numbers, SSNs, emails, phones and secrets (exit 1 when any is found)',
  usage: 'tracelens pii SOURCE... [--kind KIND[,KIND...]] [--json]',
  options: { ...SOURCE_OPTIONS, kind: { type: 'string', multiple: true } },
  async run(args, io) {
    const kinds = parseKinds(listOption(args, 'kind'));
    const { workspace, report: ingest } = await openSources(args, io, { readOnly: true });
    try {
      warnSkipped(ingest, io);
      const result = await scanPii(workspace, { kinds });
      if (!result.ok) {
        io.stderr.write(`tracelens pii: ${result.error.message}\n`);
        return 2;
      }
      const report = result.value;
      if (flag(args, 'json')) io.stdout.write(JSON.stringify(report) + '\n');
      else printReport(report, io);
      return report.findings.length > 0 ? 1 : 0;
    } finally {
      workspace.close();
    }
  },
};
