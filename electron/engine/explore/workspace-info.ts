import type { WorkspaceInfo } from '../../../shared/api/methods/explore';
import type { IngestIssue, IngestReport, SourceFormat, SourceReport } from '../../../shared/domain/ingest';
import { schemaCoverage } from '../coverage';
import type { Workspace } from '../workspace';

interface Counts extends Record<string, unknown> {
  calls: number;
  scores: number;
  spans: number;
  min_ts: string | null;
  max_ts: string | null;
}

/** What the open workspace holds: counts, time range, sources, malformed lines, coverage. */
export async function workspaceInfo(workspace: Workspace, title: string, report: IngestReport | null): Promise<WorkspaceInfo> {
  const { db } = workspace;
  const counts = (await db.one<Counts>(
    `SELECT (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM scores) AS scores, (SELECT count(*) FROM spans) AS spans,
            (SELECT min(ts) FROM calls) AS min_ts, (SELECT max(ts) FROM calls) AS max_ts`,
  ))!;
  const sources = await db.all<{ uri: string; format: SourceFormat; rows: number; skipped: number; bytes: number }>(
    'SELECT uri, format, calls + scores + spans AS rows, skipped, bytes FROM sources ORDER BY loaded_at, uri',
  );
  const errors = await db.all<{ source: string; line: number | null; reason: string }>('SELECT source, line, reason FROM ingest_errors ORDER BY source, line NULLS FIRST LIMIT 1000');
  return {
    path: workspace.path ?? null,
    title,
    rows: { calls: counts.calls, scores: counts.scores, spans: counts.spans },
    timeRange: counts.min_ts && counts.max_ts ? { min: counts.min_ts, max: counts.max_ts } : null,
    sources: sources.map((s): SourceReport => ({ uri: s.uri, format: s.format, rows: s.rows, skipped: s.skipped, bytes: s.bytes })),
    report,
    errors: errors.map((e): IngestIssue => ({ source: e.source, line: e.line, reason: e.reason })),
    coverage: await schemaCoverage(db),
  };
}
