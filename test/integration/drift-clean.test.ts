import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrift } from '../../electron/engine/drift/run-drift';
import { Workspace } from '../../electron/engine/workspace';
import type { DriftReport } from '../../shared/drift/types';
import { cli } from '../helpers/cli';
import { type DriftDemo, driftDemo } from '../helpers/drift-demo';

describe('drift checks on a clean control dataset (no incidents)', () => {
  let demo: DriftDemo;
  let report: DriftReport;

  beforeAll(async () => {
    demo = await driftDemo([]);
    const workspace = await Workspace.open({ path: demo.db, readOnly: true });
    try {
      const result = await runDrift(workspace);
      if (!result.ok) throw new Error(result.error.message);
      report = result.value;
    } finally {
      workspace.close();
    }
  });
  afterAll(() => demo?.cleanup());

  it('raises no alert from any check', () => {
    expect(report.alerts.map((a) => `${a.check} ${JSON.stringify(a.slice)}: ${a.message}`)).toEqual([]);
  });

  it('reports every check as ok or skipped, with a reason', () => {
    expect(report.checks).toHaveLength(10);
    for (const check of report.checks) {
      expect(['ok', 'skipped']).toContain(check.status);
      expect(check.reason.length).toBeGreaterThan(10);
    }
    // The demo's 2,400 calls a day are too few for 5-minute windows: skipped, and saying why.
    const errors = report.checks.find((c) => c.check === 'error_rate_spike')!;
    expect(errors.status).toBe('skipped');
    expect(errors.reason).toMatch(/under min_requests 20/);
    expect(errors.skipped_slices.length).toBeGreaterThan(0);
    expect(report.checks.filter((c) => c.status === 'ok').length).toBeGreaterThanOrEqual(9);
  });

  it('exits 0 even at --fail-on warn, on the raw dump files too', async () => {
    const result = await cli('drift', demo.data, '--fail-on', 'warn');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(': 0 alert(s)');
  });
});
