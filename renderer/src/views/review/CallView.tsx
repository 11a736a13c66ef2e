import type { CallDetail } from '../../../../shared/api/methods/explore';
import { useApiResult } from '../../app/use-api-result';
import { useApi } from '../../app/workspace';
import { PlainText } from '../../components/PlainText';
import { ErrorNotice, Loading } from '../../components/Status';

const FACTS = ['ts', 'feature', 'tenant_id', 'prompt_version', 'model_resolved', 'provider', 'ttft_ms', 'total_ms', 'tokens_in', 'tokens_out', 'cost_usd', 'finish_reason', 'error_class'] as const;

/** Any value of a call as text (lists and structs as JSON). */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1);
}

function Facts({ call }: { call: CallDetail['call'] }) {
  return (
    <dl className="call-facts">
      {FACTS.map((name) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <PlainText text={asText(call[name])} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One call as plain text: its facts, prompt, answer, tool calls, guardrail decisions and scores. */
export function CallView({ requestId }: { requestId: string }) {
  const api = useApi();
  const detail = useApiResult(() => api.callDetail({ requestId }), [api, requestId]);
  if (detail.state === 'loading') return <Loading what="the call" />;
  if (detail.state === 'error') return <ErrorNotice error={detail.error} />;
  const { call, scores } = detail.value;
  return (
    <div className="call-view">
      <Facts call={call} />
      <h3>Input</h3>
      <pre className="call-text">
        <PlainText text={asText(call['messages']) ?? asText(call['input_preview'])} />
      </pre>
      <h3>Output</h3>
      <pre className="call-text">
        <PlainText text={asText(call['output_preview'])} />
      </pre>
      {Array.isArray(call['tool_calls']) && call['tool_calls'].length > 0 ? (
        <>
          <h3>Tool calls</h3>
          <pre className="call-text">
            <PlainText text={asText(call['tool_calls'])} />
          </pre>
        </>
      ) : null}
      {Array.isArray(call['guardrail_decisions']) && call['guardrail_decisions'].length > 0 ? (
        <>
          <h3>Guardrails</h3>
          <pre className="call-text">
            <PlainText text={asText(call['guardrail_decisions'])} />
          </pre>
        </>
      ) : null}
      <h3>Scores</h3>
      {scores.length === 0 ? (
        <p className="muted">No scores.</p>
      ) : (
        <ul className="call-scores">
          {scores.map((s, i) => (
            <li key={i}>
              <PlainText text={`${s.name ?? '?'} = ${s.value ?? s.label ?? '—'} (${s.source ?? 'unknown source'})`} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
