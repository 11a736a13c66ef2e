import { CALL_COLUMNS } from '../../../shared/domain/call-columns';
import { formatBytes, formatCount } from '../../../shared/domain/format-units';
import type { DownloadSummary } from '../../../shared/domain/download';
import type { IngestReport } from '../../../shared/domain/ingest';
import { ingestFiles } from '../../engine/ingest';
import { Workspace } from '../../engine/workspace';
import { resolveSources } from '../../sources/resolve';
import { flag, requiredOption } from '../args';
import type { Command, CommandIo } from '../command';
import { terminalProgress } from '../progress';
import { resolveOptionsFrom, SOURCE_OPTIONS } from '../source-options';
import { renderTable } from '../table';
import { UsageError } from '../usage-error';

function printReport(report: IngestReport, db: string, io: CommandIo): void {
  const { calls, scores, spans } = report.rows;
  io.stdout.write(`Loaded ${formatCount(calls)} calls, ${formatCount(scores)} scores, ${formatCount(spans)} spans into ${db}\n\n`);
  io.stdout.write(renderTable(['source', 'format', 'rows', 'skipped', 'size'], report.sources.map((s) => [s.uri, s.format, s.rows, s.skipped, formatBytes(s.bytes)])));
  const files = report.errors.filter((e) => e.line === null);
  const lines = report.errors.filter((e) => e.line !== null);
  if (files.length) {
    io.stdout.write(`\n${files.length} file(s) not loaded:\n`);
    for (const e of files) io.stdout.write(`  ${e.source}: ${e.reason}\n`);
  }
  if (report.skipped > 0) {
    io.stdout.write(`\n${report.skipped} line(s) skipped${lines.length < report.skipped ? ` (first ${lines.length} shown)` : ''}:\n`);
    for (const e of lines) io.stdout.write(`  ${e.source}:${e.line}: ${e.reason}\n`);
  }
  for (const w of report.warnings) io.stdout.write(`warning: ${w.source}: ${w.reason}\n`);
  const required = new Set(CALL_COLUMNS.filter((c) => c.required).map((c) => c.name));
  const missing = Object.entries(report.coverage)
    .filter(([column, share]) => required.has(column) && share < 0.5)
    .map(([column, share]) => `${column} (${Math.round(share * 100)}%)`);
  if (calls > 0 && missing.length) io.stdout.write(`\nRequired fields the dump rarely or never logs: ${missing.join(', ')}\n`);
}

function printDownload(download: DownloadSummary, io: CommandIo): void {
  const fetched = download.objects - download.cached;
  io.stdout.write(`\nS3: ${formatCount(download.objects)} object(s); ${formatCount(fetched)} downloaded (${formatBytes(download.bytes)}), ${formatCount(download.cached)} unchanged in the cache\n`);
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'load dumps into a workspace file',
  usage: 'tracelens ingest SOURCE... --db FILE [--json]',
  options: { ...SOURCE_OPTIONS, db: { type: 'string' } },
  async run(args, io) {
    const db = requiredOption(args, 'db');
    if (args.positionals.length === 0) throw new UsageError('give at least one SOURCE to load');
    const resolution = resolveOptionsFrom(args, io);
    const files = await resolveSources(args.positionals, resolution);
    const workspace = await Workspace.open({ path: db });
    const progress = terminalProgress(io.stderr);
    try {
      const report = await ingestFiles(workspace, files, { onProgress: progress.update });
      progress.done();
      const download = resolution.download();
      if (flag(args, 'json')) {
        io.stdout.write(JSON.stringify(download ? { ...report, download } : report) + '\n');
      } else {
        printReport(report, db, io);
        if (download) printDownload(download, io);
      }
      return 0;
    } finally {
      progress.done();
      workspace.close();
    }
  },
};
