import { BLOCK_ACTIONS } from '../../../shared/domain/guardrail';
import { MAX_EXEMPLARS } from '../../../shared/drift/report';
import type { DriftRules } from '../../../shared/drift/rules';
import { ERROR_CLASS_SQL, sliceValue } from '../../../shared/drift/sql-fragments';
import type { AlertDraft } from '../../../shared/drift/types';
import { IS_BLOCKED } from '../../../shared/query/filter';
import { sqlString } from '../../../shared/query/sql';
import type { Db } from '../db';
import { DriftParams } from './context';

/** Slice keys that are call columns (values are bound; names come from this list only). */
const SLICE_COLUMNS = ['feature', 'tenant_id', 'prompt_version', 'model_requested', 'model_resolved', 'provider'];

const BLOCKED_DIMENSIONS = `list_transform(list_filter(guardrail_decisions, lambda g: lower(g.action) IN (${BLOCK_ACTIONS.map(sqlString).join(', ')})), lambda g: lower(coalesce(g.dimension, 'unknown')))`;
const TOOL_KEYS = `list_transform(tool_calls, lambda t: coalesce(t.name, '') || chr(31) || coalesce(t.args_hash, t.args, ''))`;

interface Evidence {
  readonly where: string;
  readonly order: string;
}

/** Which calls back an alert of each kind, and which to show first. */
function evidence(draft: AlertDraft, rules: DriftRules, p: DriftParams): Evidence {
  const kind = draft.kind;
  if (kind === 'cost_daily' || kind === 'cost_p99' || kind === 'cost_unknown_model') return { where: 'true', order: 'cost_usd DESC NULLS LAST' };
  if (kind === 'cost_mismatch') return { where: 'error_class IS NULL', order: 'cost_usd DESC NULLS LAST' };
  if (kind === 'model_swap') return { where: 'true', order: 'ts' };
  if (kind === 'faithfulness_drop') {
    const name = p.add(rules.faithfulness_drop.score_name);
    const score = `(SELECT min(s.value) FROM scores s WHERE s.request_id = calls.request_id AND s.name = ${name})`;
    return { where: `${score} IS NOT NULL`, order: `${score} ASC` };
  }
  if (kind === 'refusal_spike' || kind === 'refusal_spike_security') {
    const dimension = draft.slice['dimension'];
    return { where: dimension ? `list_contains(${BLOCKED_DIMENSIONS}, ${p.add(dimension)})` : `coalesce(${IS_BLOCKED}, false)`, order: 'ts DESC' };
  }
  if (kind in ERROR_CLASS_SQL) return { where: ERROR_CLASS_SQL[kind as keyof typeof ERROR_CLASS_SQL], order: 'ts' };
  if (kind === 'ttft_fast_burn' || kind === 'ttft_slow_burn') return { where: `ttft_ms > ${p.num(rules.ttft_slo_burn.slo_ms)}`, order: 'ttft_ms DESC' };
  if (kind === 'tool_loop') {
    const repeats = `list_max(list_transform(${TOOL_KEYS}, lambda k: len(list_filter(${TOOL_KEYS}, lambda x: x = k))))`;
    return { where: `(len(tool_calls) > ${p.int(rules.tool_loop.max_tool_calls)} OR ${repeats} >= ${p.int(rules.tool_loop.max_repeats)})`, order: 'cost_usd DESC NULLS LAST' };
  }
  return { where: `output_preview IS NOT NULL AND error_class IS NULL`, order: 'ts DESC' };
}

/** Request ids of the calls behind each alert (up to 20 each), in one query for all alerts. */
export async function findExemplars(db: Db, drafts: readonly AlertDraft[], rules: DriftRules): Promise<string[][]> {
  const result: string[][] = drafts.map((d) => [...(d.exemplars ?? [])]);
  const p = new DriftParams();
  const parts: string[] = [];
  drafts.forEach((draft, idx) => {
    if (result[idx]!.length > 0) return;
    const { where, order } = evidence(draft, rules, p);
    const slice = Object.entries(draft.slice)
      .filter(([column]) => SLICE_COLUMNS.includes(column))
      .map(([column, value]) => `${sliceValue(column)} = ${p.add(value)}`);
    const conditions = [...slice, `ts >= ${p.time(draft.window.from)}`, `ts < ${p.time(draft.window.to)}`, where];
    parts.push(`(SELECT ${idx} AS idx, request_id, row_number() OVER (ORDER BY ${order}, request_id) AS rank FROM calls WHERE ${conditions.join(' AND ')} QUALIFY rank <= ${MAX_EXEMPLARS})`);
  });
  if (parts.length === 0) return result;
  const rows = await db.all<{ idx: number; request_id: string }>(`SELECT idx, request_id FROM (${parts.join('\nUNION ALL\n')}) WHERE request_id IS NOT NULL ORDER BY idx, rank`, p.values);
  for (const row of rows) result[row.idx]!.push(row.request_id);
  return result;
}
