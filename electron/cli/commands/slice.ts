import { filterValueProblem, isFilterColumn, FILTER_COLUMNS } from '../../../shared/query/filter';
import { GROUP_COLUMNS, type SliceGroup } from '../../../shared/query/slice';
import { sliceAggregates } from '../../engine/slice';
import { flag, isoOption, listOption, stringOption } from '../args';
import type { Command } from '../command';
import { openSources, warnSkipped } from '../open-sources';
import { SOURCE_OPTIONS } from '../source-options';
import { renderTable } from '../table';
import { UsageError } from '../usage-error';

/** `--where COL=VALUE` options as a filter map (split at the first `=`). */
export function parseWhere(entries: readonly string[]): Record<string, string[]> {
  const where: Record<string, string[]> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--where takes COL=VALUE (got "${entry}")`);
    const column = entry.slice(0, eq);
    if (!isFilterColumn(column)) throw new UsageError(`unknown column "${column}" in --where; use one of: ${FILTER_COLUMNS.join(', ')}`);
    const value = entry.slice(eq + 1);
    const problem = filterValueProblem(column, value);
    if (problem) throw new UsageError(`--where ${problem}`);
    (where[column] ??= []).push(value);
  }
  return where;
}

export function parseBy(value: string | undefined): string[] {
  const by = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const column of by) {
    if (!GROUP_COLUMNS.includes(column)) throw new UsageError(`unknown column "${column}" in --by; use one of: ${GROUP_COLUMNS.join(', ')}`);
  }
  return by;
}

const METRICS: readonly (keyof SliceGroup & string)[] = [
  'requests', 'errors', 'error_rate', 'ttft_p50_ms', 'ttft_p95_ms', 'total_p50_ms', 'total_p95_ms', 'decode_p95_ms',
  'tokens_in', 'tokens_out', 'cost_usd', 'cost_per_request_p50', 'cost_per_request_p99', 'block_rate',
];

export const sliceCommand: Command = {
  name: 'slice',
  summary: 'latency, tokens, cost, error and block rates per group',
  usage: 'tracelens slice SOURCE... --by COL[,COL...] [--where COL=VALUE]... [--since ISO] [--until ISO] [--json]',
  options: { ...SOURCE_OPTIONS, by: { type: 'string' }, where: { type: 'string', multiple: true }, since: { type: 'string' }, until: { type: 'string' } },
  async run(args, io) {
    const by = parseBy(stringOption(args, 'by'));
    const where = parseWhere(listOption(args, 'where'));
    const since = isoOption(args, 'since');
    const until = isoOption(args, 'until');
    const { workspace, report } = await openSources(args, io, { readOnly: true });
    try {
      warnSkipped(report, io);
      const groups = await sliceAggregates(workspace, { by, where, since, until });
      if (flag(args, 'json')) {
        io.stdout.write(JSON.stringify({ groups }) + '\n');
      } else {
        io.stdout.write(renderTable([...by, ...METRICS], groups.map((g) => [...by.map((c) => g[c] ?? null), ...METRICS.map((m) => g[m])])));
      }
      return 0;
    } finally {
      workspace.close();
    }
  },
};
