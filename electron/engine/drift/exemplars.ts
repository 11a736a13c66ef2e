import { MAX_EXEMPLARS } from '../../../shared/drift/report';
import type { DriftRules } from '../../../shared/drift/rules';
import { BLOCKED_DIMENSIONS, ERROR_CLASS_SQL, IS_BLOCKED_FAST, sliceValue } from '../../../shared/drift/sql-fragments';
import type { AlertDraft } from '../../../shared/drift/types';
import type { Db } from '../db';
import { DriftParams } from './context';

/** Slice keys that are call columns (values are bound; names come from this list only). */
const SLICE_COLUMNS = ['feature', 'tenant_id', 'prompt_version', 'model_requested', 'model_resolved', 'provider'];

const TOOL_KEYS = `list_transform(tool_calls, lambda t: coalesce(t.name, '') || chr(31) || coalesce(t.args_hash, t.args, ''))`;

interface Evidence {
  readonly where: string;
  /** The calls to show first: the highest (`max`) or lowest (`min`) of `key`. */
  readonly first: 'max' | 'min';
  readonly key: string;
}

/** Which calls back an alert of each kind, and which to show first. */
function evidence(draft: AlertDraft, rules: DriftRules, p: DriftParams): Evidence {
  const kind = draft.kind;
  if (kind === 'cost_daily' || kind === 'cost_p99' || kind === 'cost_unknown_model') return { where: 'true', first: 'max', key: 'coalesce(cost_usd, -1)' };
  if (kind === 'cost_mismatch') return { where: 'error_class IS NULL', first: 'max', key: 'coalesce(cost_usd, -1)' };
  if (kind === 'model_swap') return { where: 'true', first: 'min', key: 'ts' };
  if (kind === 'faithfulness_drop') {
    const name = p.add(rules.faithfulness_drop.score_name);
    const score = `(SELECT min(s.value) FROM scores s WHERE s.request_id = calls.request_id AND s.name = ${name})`;
    return { where: `${score} IS NOT NULL`, first: 'min', key: score };
  }
  if (kind === 'refusal_spike' || kind === 'refusal_spike_security') {
    const dimension = draft.slice['dimension'];
    return { where: dimension ? `list_contains(${BLOCKED_DIMENSIONS}, ${p.add(dimension)})` : `coalesce(${IS_BLOCKED_FAST}, false)`, first: 'max', key: 'ts' };
  }
  if (kind in ERROR_CLASS_SQL) return { where: ERROR_CLASS_SQL[kind as keyof typeof ERROR_CLASS_SQL], first: 'min', key: 'ts' };
  if (kind === 'ttft_fast_burn' || kind === 'ttft_slow_burn') return { where: `ttft_ms > ${p.num(rules.ttft_slo_burn.slo_ms)}`, first: 'max', key: 'ttft_ms' };
  if (kind === 'tool_loop') {
    const repeats = `list_max(list_transform(${TOOL_KEYS}, lambda k: len(list_filter(${TOOL_KEYS}, lambda x: x = k))))`;
    return { where: `(len(tool_calls) > ${p.int(rules.tool_loop.max_tool_calls)} OR ${repeats} >= ${p.int(rules.tool_loop.max_repeats)})`, first: 'max', key: 'coalesce(cost_usd, -1)' };
  }
  return { where: `output_preview IS NOT NULL AND error_class IS NULL`, first: 'max', key: 'ts' };
}

/** Request ids of the calls behind each alert (up to 20 each), in one query for all alerts. */
export async function findExemplars(db: Db, drafts: readonly AlertDraft[], rules: DriftRules): Promise<string[][]> {
  const result: string[][] = drafts.map((d) => [...(d.exemplars ?? [])]);
  const p = new DriftParams();
  const parts: string[] = [];
  drafts.forEach((draft, idx) => {
    if (result[idx]!.length > 0) return;
    const { where, first, key } = evidence(draft, rules, p);
    const slice = Object.entries(draft.slice)
      .filter(([column]) => SLICE_COLUMNS.includes(column))
      .map(([column, value]) => `${sliceValue(column)} = ${p.add(value)}`);
    const conditions = [...slice, `ts >= ${p.time(draft.window.from)}`, `ts < ${p.time(draft.window.to)}`, where];
    // max_by/min_by keep the top N without sorting every matching call; request_id breaks ties.
    parts.push(`SELECT ${idx} AS idx, ${first}_by(request_id, {'k': ${key}, 'r': request_id}, ${MAX_EXEMPLARS}) AS ids FROM calls WHERE ${conditions.join(' AND ')} AND request_id IS NOT NULL`);
  });
  if (parts.length === 0) return result;
  const rows = await db.all<{ idx: number; ids: string[] | null }>(parts.join('\nUNION ALL\n'), p.values);
  for (const row of rows) result[row.idx]!.push(...(row.ids ?? []));
  return result;
}
