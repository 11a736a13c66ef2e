import { failsAt, isSeverity } from '../../../shared/drift/report';
import { sliceLabel } from '../../../shared/drift/outcome';
import { alertNumbers } from '../../../shared/drift/units';
import { type CheckResult, type DriftReport, SEVERITIES, type Severity } from '../../../shared/drift/types';
import { loadPrices, loadRules } from '../../engine/drift/config-files';
import { runDrift } from '../../engine/drift/run-drift';
import { flag, isoOption, stringOption } from '../args';
import type { Command } from '../command';
import { openSources, warnSkipped } from '../open-sources';
import { SOURCE_OPTIONS } from '../source-options';
import { UsageError } from '../usage-error';

function failOnOption(value: string | undefined): Severity {
  if (value === undefined) return 'page';
  if (!isSeverity(value)) throw new UsageError(`--fail-on takes one of: ${SEVERITIES.join(', ')} (got "${value}")`);
  return value;
}

/** The readable report: alerts grouped by severity (3 exemplars each), then every check's status. */
export function renderReport(report: DriftReport): string {
  const lines = [`Drift report as of ${report.as_of}: ${report.alerts.length} alert(s)`, ''];
  for (const severity of SEVERITIES) {
    const alerts = report.alerts.filter((a) => a.severity === severity);
    if (alerts.length === 0) continue;
    lines.push(`${severity.toUpperCase()} (${alerts.length})`);
    for (const a of alerts) {
      lines.push(`  [${a.check}] ${sliceLabel(a.slice)}${a.security ? '  (security)' : ''}`);
      lines.push(`    ${a.message}`);
      const n = alertNumbers(a, '-');
      lines.push(`    value ${n.value}, baseline ${n.baseline}, threshold ${n.threshold}; window ${a.window.from} to ${a.window.to}`);
      lines.push(`    next: ${a.runbook}`);
      const more = a.exemplars.length > 3 ? ` (+${a.exemplars.length - 3} more with --json)` : '';
      if (a.exemplars.length) lines.push(`    exemplars: ${a.exemplars.slice(0, 3).join(', ')}${more}`);
    }
    lines.push('');
  }
  lines.push('Checks');
  const width = Math.max(...report.checks.map((c) => c.check.length));
  const ms = (c: CheckResult) => `${c.duration_ms} ms`.padStart(8);
  for (const c of report.checks) lines.push(`  ${c.check.padEnd(width)}  ${c.status.padEnd(7)}  ${ms(c)}  ${c.reason}`);
  return lines.join('\n') + '\n';
}

export const driftCommand: Command = {
  name: 'drift',
  summary: 'run the drift and incident checks; exit 1 on alerts at or above --fail-on',
  usage: 'tracelens drift SOURCE... [--rules FILE] [--prices FILE] [--as-of ISO] [--fail-on warn|ticket|page] [--json]',
  options: { ...SOURCE_OPTIONS, rules: { type: 'string' }, prices: { type: 'string' }, 'as-of': { type: 'string' }, 'fail-on': { type: 'string' } },
  async run(args, io) {
    const failOn = failOnOption(stringOption(args, 'fail-on'));
    const asOf = isoOption(args, 'as-of');
    const rules = await loadRules(stringOption(args, 'rules'));
    const prices = await loadPrices(stringOption(args, 'prices'));
    const { workspace, report: ingest } = await openSources(args, io, { readOnly: true });
    try {
      warnSkipped(ingest, io);
      const result = await runDrift(workspace, { asOf, rules, prices });
      if (!result.ok) throw result.error.code === 'internal' ? new Error(result.error.message) : new UsageError(result.error.message);
      const report = result.value;
      io.stdout.write(flag(args, 'json') ? JSON.stringify(report) + '\n' : renderReport(report));
      return failsAt(report.alerts, failOn) ? 1 : 0;
    } finally {
      workspace.close();
    }
  },
};
