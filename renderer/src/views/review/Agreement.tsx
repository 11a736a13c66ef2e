import type { SliceFilter } from '../../../../shared/query/filter';
import { useApi } from '../../app/workspace';
import { ErrorNotice, Loading } from '../../components/Status';
import { PlainText } from '../../components/PlainText';
import { useKeptResult } from '../facets/use-kept-result';

const fixed = (n: number | null) => (n === null ? '—' : n.toFixed(2));

/** Kappa between reviewers and judge-vs-human agreement on the calls of the queue as listed (slice and alert included). */
export function Agreement({ queue, filter, alert, version }: { queue: string; filter: SliceFilter; alert?: string; version: number }) {
  const api = useApi();
  // The last figures stay up while a save's refresh runs (no flash of "Loading" at every label).
  const stats = useKeptResult(() => api.agreement({ queue, filter, ...(alert ? { alert } : {}) }), [api, queue, JSON.stringify(filter), alert, version]);
  if (stats.error) return <ErrorNotice error={stats.error} />;
  if (!stats.value) return <Loading what="agreement" />;
  const { labeled, conflicts, reviewers, judges } = stats.value;
  return (
    <section className="panel" data-testid="review-agreement" aria-busy={stats.loading}>
      <h2>Agreement</h2>
      <p>{`${labeled} labeled call(s), ${conflicts} with conflicting labels.`}</p>
      {reviewers.pairs.length === 0 ? <p className="muted">Kappa needs two reviewers on the same calls.</p> : null}
      <table className="plain">
        <tbody>
          {reviewers.pairs.map((p) => (
            <tr key={p.reviewers.join('|')}>
              <td>
                <PlainText text={`${p.reviewers[0]} vs ${p.reviewers[1]}`} />
              </td>
              <td>{`${p.items} shared`}</td>
              <td>{`κ ${fixed(p.kappa)}`}</td>
            </tr>
          ))}
          {judges.map((j) => (
            <tr key={j.name}>
              <td>
                <PlainText text={`judge ${j.name} vs human`} />
              </td>
              <td>{`${j.items} calls`}</td>
              <td>{`κ ${fixed(j.kappa)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
