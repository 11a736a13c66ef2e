import type { WorkspaceInfo } from '../../../../shared/api/methods/explore';
import { PlainText } from '../../components/PlainText';
import { formatCount, formatPercent } from '../../charts/format';

/** What the open workspace holds: rows per table, each source's format, schema coverage, skipped lines with source and line number. */
export function IngestReportView({ info }: { info: WorkspaceInfo }) {
  const report = info.report;
  const skipped = report?.errors ?? info.errors;
  const coverage = Object.entries(report?.coverage ?? info.coverage).sort((a, b) => a[1] - b[1]);
  // The workspace lists the sources it loaded; a file this load could not read is only in its report.
  const sources = [...info.sources, ...(report?.sources ?? []).filter((s) => !info.sources.some((w) => w.uri === s.uri))];
  return (
    <section className="ingest-report" data-testid="ingest-report">
      <h2>
        <PlainText text={info.title} />
      </h2>
      <dl className="kpis">
        {(['calls', 'scores', 'spans'] as const).map((t) => (
          <div key={t} className="kpi">
            <dt>{t}</dt>
            <dd data-testid={`report-${t}`} data-value={info.rows[t]}>
              {formatCount(info.rows[t])}
            </dd>
          </div>
        ))}
        <div className="kpi">
          <dt>skipped lines</dt>
          <dd data-testid="report-skipped">{formatCount(report?.skipped ?? info.sources.reduce((n, s) => n + s.skipped, 0))}</dd>
        </div>
      </dl>
      <h3>Sources</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Format</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col" className="num">
              Skipped
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.uri} data-testid="report-source">
              <td>
                <PlainText text={s.uri} />
              </td>
              <td>{s.format}</td>
              <td className="num">{formatCount(s.rows)}</td>
              <td className="num">{formatCount(s.skipped)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {info.rows.calls > 0 ? (
        <>
          <h3>Schema coverage</h3>
          <ul className="coverage">
            {coverage.map(([column, share]) => (
              <li key={column} className={share < 0.5 ? 'low' : undefined}>
                <span>{column}</span> <span className="num">{formatPercent(share, 0)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {skipped.length ? (
        <>
          <h3>Skipped lines and files</h3>
          <table className="data-table" data-testid="report-errors">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {skipped.map((e, i) => (
                <tr key={i}>
                  <td>
                    <PlainText text={e.source} />
                  </td>
                  <td className="num">{e.line ?? '—'}</td>
                  <td>
                    <PlainText text={e.reason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
