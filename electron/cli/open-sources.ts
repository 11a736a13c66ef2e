import { readHead, isDuckDb } from '../formats/sniff';
import { ingestFiles } from '../engine/ingest';
import { Workspace } from '../engine/workspace';
import type { IngestReport } from '../../shared/domain/ingest';
import { resolveSources } from '../sources/resolve';
import type { CommandIo, ParsedArgs } from './command';
import { resolveOptionsFrom } from './source-options';
import { terminalProgress } from './progress';
import { UsageError } from './usage-error';

export interface OpenedSources {
  readonly workspace: Workspace;
  /** The ingest report when raw dumps were loaded; undefined for a saved workspace. */
  readonly report?: IngestReport;
}

export async function isWorkspaceFile(path: string): Promise<boolean> {
  if (path.endsWith('.duckdb')) return true;
  try {
    return isDuckDb(await readHead(path));
  } catch {
    return false;
  }
}

/**
 * The workspace a command works on: a saved workspace file, or the given dumps
 * loaded into memory for this command only.
 */
export async function openSources(args: ParsedArgs, io: CommandIo, options: { readOnly?: boolean } = {}): Promise<OpenedSources> {
  const sources = args.positionals;
  if (sources.length === 0) throw new UsageError('give at least one SOURCE: a dump file, folder, glob, s3:// URI or workspace .duckdb file');
  const local = sources.filter((s) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(s));
  const workspaces = (await Promise.all(local.map(isWorkspaceFile))).filter(Boolean).length;
  if (workspaces > 0) {
    if (sources.length > 1) throw new UsageError('open a workspace file on its own, or load dumps: not both in one command');
    return { workspace: await Workspace.open({ path: sources[0]!, readOnly: options.readOnly }) };
  }
  const files = await resolveSources(sources, resolveOptionsFrom(args, io));
  const workspace = await Workspace.open();
  const progress = terminalProgress(io.stderr);
  try {
    const report = await ingestFiles(workspace, files, { onProgress: progress.update });
    return { workspace, report };
  } catch (error) {
    workspace.close();
    throw error;
  } finally {
    progress.done();
  }
}

/** One stderr line about lines that could not be loaded, so a command's numbers are not mistaken for the whole dump. */
export function warnSkipped(report: IngestReport | undefined, io: CommandIo): void {
  if (!report || report.errors.length === 0) return;
  const first = report.errors[0]!;
  const where = first.line === null ? first.source : `${first.source}:${first.line}`;
  const skipped = report.skipped > 0 ? `${report.skipped} line(s) skipped; ` : '';
  io.stderr.write(`warning: ${skipped}${where}: ${first.reason} (all of them: tracelens ingest --json)\n`);
}
