import type { CallDetail } from '../../../../shared/api/methods/explore';

export type StepKind = 'retrieve' | 'tool' | 'generate' | 'guardrail' | 'other';

export interface WaterfallItem {
  readonly id: string;
  readonly parent: string | null;
  readonly name: string;
  readonly kind: StepKind;
  readonly startMs: number;
  readonly durationMs: number;
  /** The call this item is (generate steps), to open it. */
  readonly requestId?: string;
  readonly depth: number;
}

function kindOf(name: string): StepKind {
  const n = name.toLowerCase();
  if (n.includes('guardrail')) return 'guardrail';
  if (/retriev|search|vector|rerank|embed/.test(n)) return 'retrieve';
  if (n.includes('tool')) return 'tool';
  if (/generat|chat\.completions|llm|model/.test(n)) return 'generate';
  return 'other';
}

const time = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN);

/** The trace's spans (OTLP) and its model calls on one time line, children under their parents. */
export function waterfallItems(detail: CallDetail): WaterfallItem[] {
  const items: Omit<WaterfallItem, 'depth'>[] = [];
  const seen = new Set<string>();
  for (const s of detail.spans) {
    const start = time(s.start_ts);
    if (Number.isNaN(start)) continue;
    const id = s.span_id ?? `span-${items.length}`;
    seen.add(id);
    const end = time(s.end_ts);
    items.push({ id, parent: s.parent_span_id || null, name: s.name ?? '(unnamed span)', kind: kindOf(s.name ?? ''), startMs: start, durationMs: s.duration_ms ?? (Number.isNaN(end) ? 0 : end - start) });
  }
  for (const c of detail.traceCalls) {
    const start = time(c['ts']);
    const id = typeof c['span_id'] === 'string' ? c['span_id'] : `call-${String(c['request_id'])}`;
    if (Number.isNaN(start) || seen.has(id)) continue;
    const model = typeof c['model_resolved'] === 'string' ? c['model_resolved'] : 'model';
    items.push({ id, parent: typeof c['parent_span_id'] === 'string' ? c['parent_span_id'] : null, name: `generate ${model}`, kind: 'generate', startMs: start, durationMs: Number(c['total_ms'] ?? 0), requestId: String(c['request_id']) });
  }
  items.sort((a, b) => a.startMs - b.startMs || b.durationMs - a.durationMs);
  const byId = new Map(items.map((i) => [i.id, i]));
  const depth = (item: Omit<WaterfallItem, 'depth'>, guard = 0): number => {
    const parent = item.parent ? byId.get(item.parent) : undefined;
    return parent && guard < 20 ? 1 + depth(parent, guard + 1) : 0;
  };
  return items.map((i) => ({ ...i, depth: depth(i) }));
}
