import { knownTopLevelKeys } from './call-columns';

export type LineFormat = 'canonical' | 'otlp' | 'scores' | 'unknown';

export interface Detection {
  readonly format: LineFormat;
  /** The sampled records of the detected format: the loader infers the field types from them. */
  readonly records: readonly Record<string, unknown>[];
  readonly reason?: string;
  /** Sampled lines that no JSON reader accepts: DuckDB's typed reader would stop at such a line. */
  readonly malformed: number;
}

const SCORE_NAME_KEYS = ['name', 'key', 'metric'];
const SCORE_VALUE_KEYS = ['value', 'score'];
const SCORE_ID_KEYS = ['request_id', 'requestId', 'trace_id', 'traceId', 'run_id'];
/** Keys that only a call record carries: their presence rules out a score record. */
const CALL_ONLY_KEYS = ['model', 'model_requested', 'model_resolved', 'tokens_in', 'tokens_out', 'input_tokens', 'prompt_tokens', 'latency_ms', 'ttft_ms', 'provider', 'feature'];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function classify(record: Record<string, unknown>, known: Set<string>): LineFormat {
  const keys = Object.keys(record);
  if (Array.isArray(record['resourceSpans'])) return 'otlp';
  const has = (list: string[]) => list.some((k) => k in record);
  if (has(SCORE_NAME_KEYS) && has(SCORE_VALUE_KEYS) && has(SCORE_ID_KEYS) && !has(CALL_ONLY_KEYS)) return 'scores';
  if (keys.some((k) => known.has(k) && k !== 'metadata')) return 'canonical';
  return 'unknown';
}

// What a lenient JSON reader may accept where JSON.parse does not: NaN and infinities, trailing commas, comments, control characters.
const LENIENT_JSON = /NaN|Infinity|,\s*[}\]]|\/[/*]/;

function mayBeLenientJson(line: string): boolean {
  if (LENIENT_JSON.test(line)) return true;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) < 0x20) return true;
  return false;
}

/**
 * Decides what a JSON-lines file holds from a sample of its lines. Lines that do not
 * parse are ignored here (the loader reports them with their line numbers).
 */
export function detectLineFormat(lines: readonly string[]): Detection {
  const known = knownTopLevelKeys();
  const votes = new Map<LineFormat, number>();
  const records = new Map<LineFormat, Record<string, unknown>[]>();
  let parsed = 0;
  let malformed = 0;
  for (const line of lines) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (line.trim() !== '' && !mayBeLenientJson(line)) malformed++;
      continue;
    }
    if (!isObject(value)) continue;
    parsed++;
    const format = classify(value, known);
    votes.set(format, (votes.get(format) ?? 0) + 1);
    const list = records.get(format);
    if (list) list.push(value);
    else records.set(format, [value]);
  }
  if (parsed === 0) {
    return { format: 'unknown', records: [], reason: lines.length ? 'no line parses as a JSON object' : 'the file is empty', malformed };
  }
  const ranked = [...votes].filter(([f]) => f !== 'unknown').sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!best) return { format: 'unknown', records: [], reason: 'no record has a field TraceLens recognizes (call logs, OTLP spans or scores)', malformed };
  return { format: best[0], records: records.get(best[0]) ?? [], malformed };
}
