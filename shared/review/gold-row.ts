import { err, ok, type Result } from '../api/result';
import type { Verdict } from './label-event';
import type { CurrentLabel } from './replay';
import { compareText } from './replay';

/** The fields of a call a gold row is made from. */
export interface GoldCall {
  readonly request_id: string;
  readonly trace_id: string | null;
  /** The call's messages (parsed JSON) when the dump has them. */
  readonly messages: unknown;
  readonly input_preview: string | null;
  readonly output_preview: string | null;
  readonly retrieval_ids: readonly string[] | null;
  readonly prompt_version: string | null;
  readonly model_resolved: string | null;
  readonly feature: string | null;
}

/** PII masking applied to every text a gold row carries. */
export interface Masking {
  text(text: string): string;
  deep(value: unknown): unknown;
}

/** A gold row, keys in the order of design section 6. */
export interface GoldRow {
  readonly id: string;
  readonly input: unknown;
  readonly expected: { readonly verdict: Verdict; readonly expected_output: string | null; readonly notes: string | null };
  readonly actual_output: string | null;
  readonly retrieval_ids: readonly string[];
  readonly prompt_version: string | null;
  readonly model_resolved: string | null;
  readonly feature: string | null;
  readonly source: 'production';
  readonly trace_id: string | null;
  readonly request_id: string;
  readonly labeled_by: string;
  readonly labeled_at: string;
}

/** Stable across exports, so a gold file can be merged and diffed. */
export function goldRowId(requestId: string): string {
  return `prod-${requestId}`;
}

function maskOrNull(text: string | null, masking: Masking): string | null {
  return text === null ? null : masking.text(text);
}

/**
 * Every free text is masked (a reviewer named by an email address too); the ids
 * are kept as they are, since CI joins and merges on them.
 */
export function buildGoldRow(call: GoldCall, label: CurrentLabel, masking: Masking): GoldRow {
  const hasMessages = call.messages !== null && call.messages !== undefined;
  return {
    id: goldRowId(call.request_id),
    input: hasMessages ? masking.deep(call.messages) : maskOrNull(call.input_preview, masking),
    expected: { verdict: label.verdict, expected_output: maskOrNull(label.expected, masking), notes: maskOrNull(label.note, masking) },
    actual_output: maskOrNull(call.output_preview, masking),
    retrieval_ids: call.retrieval_ids ?? [],
    prompt_version: maskOrNull(call.prompt_version, masking),
    model_resolved: maskOrNull(call.model_resolved, masking),
    feature: maskOrNull(call.feature, masking),
    source: 'production',
    trace_id: call.trace_id,
    request_id: call.request_id,
    labeled_by: masking.text(label.reviewer),
    labeled_at: label.labeled_at,
  };
}

/** The line of a gold row (no newline); JSON.stringify keeps the key order of the object built above. */
export function serializeGoldRow(row: GoldRow): string {
  return JSON.stringify(row);
}

export interface GoldMerge {
  /** The file's text: one row per line, sorted by request_id, ending in a newline (empty when no rows). */
  readonly text: string;
  readonly rows: number;
  /** Rows of the existing file, kept as they were. */
  readonly kept: number;
  /** New rows for calls the existing file already had: not added again. */
  readonly alreadyPresent: number;
  readonly added: number;
}

interface KeyedLine {
  readonly requestId: string;
  readonly line: string;
}

/** The rows of an existing gold file, each line kept byte for byte. A line that is not a row is an error naming it. */
export function parseGoldFile(text: string, source: string): Result<KeyedLine[]> {
  const rows: KeyedLine[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return err('bad_input', `${source}:${i + 1}: not a gold row (invalid JSON)`);
    }
    const requestId = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['request_id'] : undefined;
    if (typeof requestId !== 'string' || requestId === '') return err('bad_input', `${source}:${i + 1}: not a gold row (no request_id)`);
    rows.push({ requestId, line });
  }
  return ok(rows);
}

/**
 * New rows merged into an existing gold file: existing rows are kept as they are,
 * a call already in the file is not added twice, everything sorted by request_id.
 */
export function mergeGold(existing: readonly KeyedLine[], rows: readonly GoldRow[]): GoldMerge {
  const seen = new Set<string>();
  const lines: KeyedLine[] = [];
  for (const row of existing) {
    if (seen.has(row.requestId)) continue;
    seen.add(row.requestId);
    lines.push(row);
  }
  const kept = lines.length;
  let alreadyPresent = 0;
  for (const row of rows) {
    if (seen.has(row.request_id)) {
      alreadyPresent++;
      continue;
    }
    seen.add(row.request_id);
    lines.push({ requestId: row.request_id, line: serializeGoldRow(row) });
  }
  lines.sort((a, b) => compareText(a.requestId, b.requestId));
  return { text: lines.map((l) => l.line + '\n').join(''), rows: lines.length, kept, alreadyPresent, added: lines.length - kept };
}
