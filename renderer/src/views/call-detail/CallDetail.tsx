import { useEffect, useRef } from 'react';
import type { CallDetail as Detail } from '../../../../shared/api/methods/explore';
import { useApiResult } from '../../app/use-api-result';
import { useRoute } from '../../app/use-route';
import { useApi } from '../../app/workspace';
import { PlainText } from '../../components/PlainText';
import { ErrorNotice, Loading } from '../../components/Status';
import { formatCount, formatMs, formatUsd } from '../../charts/format';
import { fieldText } from './field-text';
import { type TextColumn, TextTable } from './TextTable';
import { useCallParam } from './use-call-param';
import { Waterfall } from './Waterfall';
import { waterfallItems } from './waterfall-items';
import './call-detail.css';

const HEADLINE = ['ts', 'feature', 'tenant_id', 'prompt_version', 'model_requested', 'model_resolved', 'provider', 'finish_reason', 'error_class'];

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

const TOOL_COLUMNS: readonly TextColumn<Record<string, unknown>>[] = [
  { title: 'Tool', cell: (t) => t['name'] },
  { title: 'Arguments', cell: (t) => t['args'] ?? t['args_hash'] },
  { title: 'Latency', cell: (t) => formatMs(t['latency_ms'] as number | null), formatted: true },
];

const GUARDRAIL_COLUMNS: readonly TextColumn<Record<string, unknown>>[] = [
  { title: 'Stage', cell: (d) => d['stage'] },
  { title: 'Action', cell: (d) => d['action'] },
  { title: 'Dimension', cell: (d) => d['dimension'] },
];

const SCORE_COLUMNS: readonly TextColumn<Detail['scores'][number]>[] = [
  { title: 'Name', cell: (s) => s.name },
  { title: 'Value', cell: (s) => s.value ?? '—', formatted: true },
  { title: 'Label', cell: (s) => s.label },
  { title: 'Source', cell: (s) => s.source },
  { title: 'Comment', cell: (s) => s.comment },
];

function Field({ name, value }: { name: string; value: unknown }) {
  return (
    <div className="cd-field">
      <dt>{name}</dt>
      <dd>
        <PlainText text={fieldText(value)} />
      </dd>
    </div>
  );
}

function Body({ detail, openCall }: { detail: Detail; openCall: (id: string) => void }) {
  const c = detail.call;
  const requestId = String(c['request_id']);
  return (
    <>
      <dl className="cd-headline">
        {HEADLINE.map((k) => (
          <Field key={k} name={k} value={c[k]} />
        ))}
      </dl>
      <p className="cd-metrics">
        TTFT {formatMs(c['ttft_ms'] as number | null)} · total {formatMs(c['total_ms'] as number | null)} · {formatCount(c['tokens_in'] as number | null)} tokens in ·{' '}
        {formatCount(c['tokens_out'] as number | null)} out · {formatUsd(c['cost_usd'] as number | null)}
      </p>
      <h3>Input</h3>
      <pre className="cd-text" data-testid="call-input">
        <PlainText text={fieldText(c['input_preview'])} />
      </pre>
      <h3>Output</h3>
      <pre className="cd-text" data-testid="call-output">
        <PlainText text={fieldText(c['output_preview'])} />
      </pre>
      <h3>Trace waterfall</h3>
      <Waterfall items={waterfallItems(detail)} current={requestId} openCall={openCall} />
      <h3>Retrieval ids</h3>
      {list(c['retrieval_ids']).length ? (
        <ul className="cd-list">
          {list(c['retrieval_ids']).map((id, i) => (
            <li key={i}>
              <PlainText text={fieldText(id)} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None</p>
      )}
      <h3>Tool calls</h3>
      <TextTable rows={list(c['tool_calls']).map(asRecord)} columns={TOOL_COLUMNS} />
      <h3>Guardrail decisions</h3>
      <TextTable rows={list(c['guardrail_decisions']).map(asRecord)} columns={GUARDRAIL_COLUMNS} />
      <h3>Scores</h3>
      <TextTable rows={detail.scores} columns={SCORE_COLUMNS} />
      <details>
        <summary>Every field</summary>
        <dl className="cd-all">
          {Object.entries(c).map(([k, v]) => (
            <Field key={k} name={k} value={v} />
          ))}
        </dl>
      </details>
      <details>
        <summary>Raw JSON</summary>
        <pre className="cd-text" data-testid="call-raw">
          <PlainText text={fieldText(c)} />
        </pre>
      </details>
    </>
  );
}

/**
 * One call, everything about it, as plain text; Escape or the close button returns to the list, with the
 * focus back where it was (the calls table: the arrow keys go on from the same cell). `closable: false`
 * when the view shows a call of its own (Review), where there is nothing to close.
 */
export function CallDetail({ requestId, closable = true }: { requestId: string; closable?: boolean }) {
  const api = useApi();
  const { open, close } = useCallParam();
  const { navigate } = useRoute();
  // A view showing a call of its own (Review) has no `call=` to set: another call of the trace opens in Calls.
  const openOther = closable ? open : (id: string) => navigate('table', new URLSearchParams({ call: id }));
  const detail = useApiResult(() => api.callDetail({ requestId }), [api, requestId]);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  useEffect(() => {
    panel.current?.focus();
    if (!closable) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [requestId, close, closable]);
  return (
    <aside ref={panel} className="call-detail" data-testid="call-detail" role={closable ? 'dialog' : 'region'} aria-label="Call detail" tabIndex={-1}>
      <header>
        <h2>
          Call <PlainText text={requestId} />
        </h2>
        {closable ? (
          <button type="button" onClick={close} data-testid="call-detail-close" aria-label="Close the call detail">
            Close
          </button>
        ) : null}
      </header>
      {detail.state === 'loading' ? <Loading what="the call" /> : detail.state === 'error' ? <ErrorNotice error={detail.error} /> : <Body detail={detail.value} openCall={openOther} />}
    </aside>
  );
}
