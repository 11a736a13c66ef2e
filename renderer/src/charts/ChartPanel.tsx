import type { ReactNode } from 'react';
import type { AppError } from '../../../shared/api/result';
import { ErrorNotice } from '../components/Status';

/** A titled chart card with its loading, empty and error states. */
export function ChartPanel({ title, loading, error, empty, children, actions, wide }: { title: string; loading: boolean; error: AppError | undefined; empty: boolean; children: ReactNode; actions?: ReactNode; wide?: boolean }) {
  return (
    <section className={wide ? 'chart-panel wide' : 'chart-panel'} aria-busy={loading}>
      <header>
        <h2>{title}</h2>
        {loading ? <span className="chart-loading" role="status">Updating…</span> : null}
        {actions}
      </header>
      {error ? <ErrorNotice error={error} /> : empty && !loading ? <div className="status empty">No calls in this slice</div> : null}
      <div className={error || empty ? 'chart-hidden' : undefined}>{children}</div>
    </section>
  );
}
