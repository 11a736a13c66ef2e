import { err, ok, type Result } from '../../../shared/api/result';
import { displayMask, emptyCounts, findPii, PII_KINDS, type PiiFinding, type PiiKind, type PiiReport } from '../../../shared/pii';
import { firstLine } from '../db';
import { isEngineError } from '../errors';
import type { Workspace } from '../workspace';
import { type CandidateRow, candidatesQuery } from './candidates';
import { fieldTexts } from './field-texts';

export interface PiiScanOptions {
  /** Only these kinds (default: all). */
  readonly kinds?: readonly PiiKind[];
}

function findingsOf(row: CandidateRow, kinds: ReadonlySet<PiiKind>): PiiFinding[] {
  const findings: PiiFinding[] = [];
  for (const { path, text } of fieldTexts(row)) {
    for (const m of findPii(text)) {
      if (!kinds.has(m.kind)) continue;
      findings.push({ kind: m.kind, request_id: row.request_id ?? '', field: path, match: displayMask(m.kind, text.slice(m.start, m.end)) });
    }
  }
  return findings;
}

/**
 * Scans the free text of every call for PII and secrets: DuckDB picks the
 * candidate rows with a regex prefilter in one pass, and only those are streamed
 * here for exact validation. Findings carry masked values only.
 */
export async function scanPii(workspace: Workspace, options: PiiScanOptions = {}): Promise<Result<PiiReport>> {
  const kinds = new Set(options.kinds ?? PII_KINDS);
  try {
    const counts = emptyCounts();
    const findings: PiiFinding[] = [];
    const { sql, params } = candidatesQuery([...kinds]);
    for await (const rows of workspace.db.stream<CandidateRow & Record<string, unknown>>(sql, params)) {
      for (const row of rows) {
        for (const finding of findingsOf(row, kinds)) {
          findings.push(finding);
          counts[finding.kind]++;
        }
      }
    }
    const total = await workspace.db.one<{ n: number }>('SELECT count(*) AS n FROM calls');
    findings.sort((a, b) => (a.request_id < b.request_id ? -1 : a.request_id > b.request_id ? 1 : 0));
    return ok({ findings, counts, rows_scanned: total?.n ?? 0 });
  } catch (error) {
    if (isEngineError(error)) return err(error.code, error.message);
    return err('internal', `PII scan failed: ${firstLine(error instanceof Error ? error.message : String(error))}`);
  }
}
