import { readFile } from 'node:fs/promises';
import { err, ok, type Result } from '../../../shared/api/result';
import { type ConflictPolicy, type LabelConflict, resolveLabels } from '../../../shared/review/conflicts';
import { buildGoldRow, type GoldCall, type GoldRow, type Masking, mergeGold, parseGoldFile } from '../../../shared/review/gold-row';
import { maskDeep, maskText } from '../../../shared/pii/index';
import type { QueueName, QueueOptions } from '../../../shared/review/queues';
import { writeFileAtomic } from './atomic-write';
import { queueRequestIds } from './queues';
import type { Review } from './review';

export type GoldVerdict = 'fail' | 'pass' | 'all';

export interface GoldOptions extends QueueOptions {
  readonly verdict?: GoldVerdict;
  readonly queue?: QueueName;
  /** `latest`: a call whose reviewers disagree takes its latest label; otherwise it is left out. */
  readonly resolve?: ConflictPolicy;
  /** An existing gold file: its rows are kept and not duplicated. */
  readonly merge?: string;
}

/** Gold files leave the laptop (into git, into CI): everything in them goes through the PII masking. */
const PII_MASKING: Masking = { text: maskText, deep: maskDeep };

export interface GoldReport {
  /** Rows in the file written. */
  readonly rows: number;
  /** New rows this export added. */
  readonly added: number;
  /** Rows kept from the `merge` file. */
  readonly kept: number;
  /** Labeled calls the `merge` file already had. */
  readonly already_present: number;
  /** Calls whose reviewers disagree; left out unless resolved. */
  readonly conflicts: readonly LabelConflict[];
  readonly conflicts_resolved: number;
  /** Labels on request ids this workspace has no call for (a journal from another dump). */
  readonly unknown_calls: readonly string[];
}

export interface GoldBuild {
  readonly text: string;
  readonly report: GoldReport;
  /** The new rows, as written. */
  readonly newRows: readonly GoldRow[];
}

interface CallRow {
  request_id: string;
  trace_id: string | null;
  messages: string | null;
  input_preview: string | null;
  output_preview: string | null;
  retrieval_ids: string[] | null;
  prompt_version: string | null;
  model_resolved: string | null;
  feature: string | null;
  [key: string]: unknown;
}

/** One call per labeled request id; a request loaded twice gives the same call each time. */
const LABELED_CALLS = `SELECT request_id, trace_id, CAST(messages AS VARCHAR) AS messages, input_preview, output_preview,
    retrieval_ids, prompt_version, model_resolved, feature
  FROM calls WHERE request_id IN (SELECT request_id FROM labels)
  QUALIFY row_number() OVER (PARTITION BY request_id ORDER BY ts, source_uri, input_preview, output_preview) = 1`;

function parseMessages(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toGoldCall(row: CallRow): GoldCall {
  return { ...row, messages: parseMessages(row.messages) };
}

async function existingRows(path: string | undefined): Promise<Result<Parameters<typeof mergeGold>[0]>> {
  if (path === undefined) return ok([]);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return err(code === 'ENOENT' ? 'not_found' : 'bad_input', code === 'ENOENT' ? `no such gold file to merge: ${path}` : `cannot read ${path} (${code})`);
  }
  return parseGoldFile(text, path);
}

/** The gold file's text and what went into it, without writing anything. */
export async function buildGold(review: Review, options: GoldOptions): Promise<Result<GoldBuild>> {
  const existing = await existingRows(options.merge);
  if (!existing.ok) return existing;
  const { resolved, conflicts } = resolveLabels(review.labels, options.resolve ?? 'none');
  const verdict = options.verdict ?? 'fail';
  const inQueue = options.queue ? await queueRequestIds(review, options.queue, options) : undefined;
  const chosen = resolved.filter((r) => (verdict === 'all' || r.label.verdict === verdict) && (!inQueue || inQueue.has(r.request_id)));
  const calls = new Map((await review.workspace.db.all<CallRow>(LABELED_CALLS)).map((c) => [c.request_id, c]));
  const newRows = chosen.flatMap((r) => {
    const call = calls.get(r.request_id);
    return call ? [buildGoldRow(toGoldCall(call), r.label, PII_MASKING)] : [];
  });
  const merged = mergeGold(existing.value, newRows);
  return ok({
    text: merged.text,
    newRows,
    report: {
      rows: merged.rows,
      added: merged.added,
      kept: merged.kept,
      already_present: merged.alreadyPresent,
      conflicts,
      conflicts_resolved: chosen.filter((r) => r.resolvedConflict).length,
      unknown_calls: chosen.filter((r) => !calls.has(r.request_id)).map((r) => r.request_id),
    },
  });
}

/** Writes the gold file (temp file + rename: never half-written). */
export async function exportGold(review: Review, out: string, options: GoldOptions): Promise<Result<GoldReport>> {
  const built = await buildGold(review, options);
  if (!built.ok) return built;
  const written = await writeFileAtomic(out, built.value.text);
  return written.ok ? ok(built.value.report) : written;
}
