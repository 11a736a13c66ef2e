import { sizeName } from './datasets';
import type { CaseResult, TargetResult } from './results';

type Lookup = (id: string) => CaseResult | undefined;

const x = (v: number) => `${v.toFixed(2)}x`;
const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;

function ratioTarget(find: Lookup, id: string, target: string, limit: number): TargetResult {
  const r = find(id);
  if (r?.ratio === undefined) return { target, measured: r?.note ?? 'not measured', ok: null };
  return { target, measured: `${x(r.ratio)}${r.cpuRatio === undefined ? '' : ` (CPU time ${x(r.cpuRatio)})`}`, ok: r.ratio <= limit };
}

function timeTarget(find: Lookup, ids: readonly string[], target: string, limitMs: number): TargetResult {
  const found = ids.map(find);
  const medians = found.map((r) => r?.a?.ms.median).filter((v): v is number => v !== undefined);
  if (medians.length < ids.length) return { target, measured: found.find((r) => r?.note)?.note ?? 'not measured', ok: null };
  const worst = Math.max(...medians);
  return { target, measured: ms(worst), ok: worst < limitMs };
}

/** The issue's targets, judged on the largest size measured (medians; ratios against raw DuckDB in the same run). */
export function judgeTargets(results: readonly CaseResult[], calls: number, spill: CaseResult | undefined): TargetResult[] {
  const s = sizeName(calls);
  const find: Lookup = (id) => results.find((r) => r.id === id);
  const out: TargetResult[] = [
    ratioTarget(find, `ingest-jsonl-${s}`, `ingest JSONL ${s} <= 1.3x raw DuckDB`, 1.3),
    ratioTarget(find, `ingest-dirty-${s}`, `ingest JSONL ${s} with 1% malformed lines <= 2x raw DuckDB (ignore_errors), every bad line reported`, 2),
    ratioTarget(find, `ingest-parquet-${s}`, `ingest Parquet ${s} <= 1.2x raw DuckDB`, 1.2),
  ];
  const jsonl = find(`ingest-jsonl-${s}`)?.a;
  const otlp = find(`ingest-otlp-${s}`)?.a;
  out.push(
    jsonl && otlp
      ? {
          target: `ingest OTLP JSON ${s} within 2x of canonical JSONL`,
          measured: `${x(otlp.ms.median / jsonl.ms.median)}${otlp.cpuMs && jsonl.cpuMs ? ` (CPU time ${x(otlp.cpuMs.median / jsonl.cpuMs.median)})` : ''}`,
          ok: otlp.ms.median / jsonl.ms.median <= 2,
        }
      : { target: `ingest OTLP JSON ${s} within 2x of canonical JSONL`, measured: 'not measured', ok: null },
  );
  const rss = find(`ingest-jsonl-${s}`)?.rssRatio;
  out.push({ target: `peak RSS of ingest (JSONL ${s}) <= 1.5x raw DuckDB`, measured: rss === undefined ? 'not measured' : x(rss), ok: rss === undefined ? null : rss <= 1.5 });
  const pandas = find(`peer-pandas-${s}`);
  const slice = find(`slice-${s}`)?.a;
  if (pandas?.a && jsonl && slice) {
    const speedup = pandas.a.ms.median / (jsonl.ms.median + slice.ms.median);
    out.push({ target: `load + group-by ${s} >= 10x faster than pandas`, measured: `${speedup.toFixed(1)}x faster`, ok: speedup >= 10 });
  } else {
    out.push({ target: `load + group-by ${s} >= 10x faster than pandas`, measured: pandas?.note ?? 'not measured', ok: null });
  }
  out.push(
    ratioTarget(find, `slice-${s}`, `slice aggregates ${s} <= 1.5x hand-written SQL`, 1.5),
    timeTarget(find, [`overview-${s}`], `overview refresh ${s} < 300 ms`, 300),
    timeTarget(find, ['start', 'middle', 'end'].map((o) => `page-${o}-${s}`), `any 200-row page ${s} < 50 ms`, 50),
    timeTarget(find, [`browser-${s}`], `facet click to a new slice, every panel updated, Chromium ${s} < 500 ms`, 500),
    timeTarget(find, [`drift-${s}`], `drift, all checks ${s} < 5 s`, 5000),
    timeTarget(find, [`pii-${s}`], `PII scan ${s} < 10 s`, 10_000),
  );
  if (spill) {
    out.push({ target: `${spill.title}: completes by spilling`, measured: spill.a ? `done in ${(spill.a.ms.median / 1000).toFixed(1)} s, peak RSS ${spill.a.rssMb.max.toFixed(0)} MB` : (spill.note ?? 'failed'), ok: spill.a ? !spill.note : false });
  }
  return out;
}
