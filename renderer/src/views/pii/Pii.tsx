import { PII_KINDS } from '../../../../shared/pii/kinds';
import { useRedaction } from '../../app/redaction';
import { useApiResult } from '../../app/use-api-result';
import { useApi } from '../../app/workspace';
import { PlainText } from '../../components/PlainText';
import { Empty, ErrorNotice, Loading } from '../../components/Status';
import { useRoute } from '../../app/use-route';
import { CallDetail } from '../call-detail/CallDetail';
import { useCallParam } from '../call-detail/use-call-param';
import '../review/review.css';

/** PII and secrets found in the open workspace, by kind, values masked; each finding opens its call. */
export function Pii() {
  const api = useApi();
  const { redacted, setRedacted } = useRedaction();
  const scan = useApiResult(() => api.scanPii({}), [api]);
  const call = useCallParam();
  const open = useRoute().params.get('call');
  if (scan.state === 'loading') return <Loading what="the PII scan" />;
  if (scan.state === 'error') return <ErrorNotice error={scan.error} />;
  const { findings, counts, rows_scanned: rows, more } = scan.value;
  return (
    <section className="pii">
      <h1>PII</h1>
      <div className="toolbar">
        <span>{`${rows.toLocaleString('en-US')} calls scanned.`}</span>
        {PII_KINDS.map((kind) => (
          <span key={kind} data-testid={`pii-count-${kind}`} data-count={counts[kind]}>{`${kind}: ${counts[kind]}`}</span>
        ))}
        <label>
          <input type="checkbox" checked={redacted} onChange={(e) => setRedacted(e.target.checked)} /> Redacted display in every view
        </label>
      </div>
      <div data-testid="pii-findings" data-count={findings.length + more}>
        {findings.length === 0 ? (
          <Empty>No PII or secrets found.</Empty>
        ) : (
          <table className="plain">
            <thead>
              <tr>
                <th>Kind</th>
                <th>Call</th>
                <th>Field</th>
                <th>Value (masked)</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f, i) => (
                <tr key={i} data-testid="pii-finding" data-kind={f.kind}>
                  <td>{f.kind}</td>
                  <td>
                    <button type="button" onClick={() => call.open(f.request_id)}>
                      <PlainText text={f.request_id} />
                    </button>
                  </td>
                  <td>
                    <PlainText text={f.field} />
                  </td>
                  <td>
                    <PlainText text={f.match} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {more > 0 ? <p className="muted">{`and ${more} more findings (counts above include them).`}</p> : null}
      </div>
      {open ? <CallDetail requestId={open} /> : null}
    </section>
  );
}
