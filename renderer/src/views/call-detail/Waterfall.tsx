import { PlainText } from '../../components/PlainText';
import { formatMs } from '../../charts/format';
import type { WaterfallItem } from './waterfall-items';

/** Every step of the trace as a bar on one time line: retrieve / tool / generate / guardrail, with durations. */
export function Waterfall({ items, current, openCall }: { items: readonly WaterfallItem[]; current: string; openCall: (requestId: string) => void }) {
  if (items.length === 0) return <div className="status empty">No spans or other calls share this trace.</div>;
  const start = Math.min(...items.map((i) => i.startMs));
  const end = Math.max(...items.map((i) => i.startMs + i.durationMs));
  const span = Math.max(end - start, 1);
  return (
    <ol className="waterfall" data-testid="waterfall" aria-label={`Trace waterfall, ${formatMs(span)}`}>
      {items.map((item) => {
        const x = ((item.startMs - start) / span) * 1000;
        const w = Math.max((item.durationMs / span) * 1000, 2);
        const label = (
          <>
            <span className={`wf-kind wf-${item.kind}`}>{item.kind}</span> <PlainText text={item.name} />
          </>
        );
        return (
          <li key={item.id} className={item.requestId === current ? 'wf-row wf-current' : 'wf-row'} data-testid="waterfall-span" data-kind={item.kind}>
            <span className={`wf-label wf-depth-${Math.min(item.depth, 4)}`}>
              {item.requestId && item.requestId !== current ? (
                <button type="button" className="link-button" onClick={() => openCall(item.requestId!)}>
                  {label}
                </button>
              ) : (
                label
              )}
            </span>
            <svg className="wf-track" viewBox="0 0 1000 12" preserveAspectRatio="none" aria-hidden="true">
              <rect className={`wf-bar wf-${item.kind}`} x={x} y={1} width={Math.min(w, 1000 - x)} height={10} rx={2} />
            </svg>
            <span className="wf-duration">{formatMs(item.durationMs)}</span>
          </li>
        );
      })}
    </ol>
  );
}
