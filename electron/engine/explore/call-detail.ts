import type { CallDetail, ScoreRow, SpanRow } from '../../../shared/api/methods/explore';
import { EngineError } from '../errors';
import type { Workspace } from '../workspace';

const TRACE_CALL_COLUMNS = 'request_id, span_id, parent_span_id, ts, ttft_ms, total_ms, feature, model_resolved, finish_reason, error_class';

/** One call with everything the detail view shows. */
export async function callDetail(workspace: Workspace, requestId: string): Promise<CallDetail> {
  const { db } = workspace;
  const call = await db.one('SELECT * EXCLUDE ("_coerce", "_scores") FROM calls WHERE request_id = $1 LIMIT 1', [requestId]);
  if (!call) throw new EngineError('not_found', `no call with request_id ${JSON.stringify(requestId)} in this workspace`);
  const scores = await db.all<ScoreRow & Record<string, unknown>>('SELECT name, value, label, source, comment, ts FROM scores WHERE request_id = $1 ORDER BY name, ts', [requestId]);
  const traceId = typeof call['trace_id'] === 'string' ? call['trace_id'] : null;
  const spans = traceId ? await db.all<SpanRow & Record<string, unknown>>('SELECT * EXCLUDE (source_uri) FROM spans WHERE trace_id = $1 ORDER BY start_ts, span_id LIMIT 2000', [traceId]) : [];
  const traceCalls = traceId ? await db.all(`SELECT ${TRACE_CALL_COLUMNS} FROM calls WHERE trace_id = $1 ORDER BY ts, request_id LIMIT 500`, [traceId]) : [];
  return { call, scores, spans, traceCalls };
}
