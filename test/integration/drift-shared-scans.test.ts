import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrift } from '../../electron/engine/drift/run-drift';
import { Workspace } from '../../electron/engine/workspace';
import { INCIDENT_IDS } from '../../shared/demo/incidents';
import { DEFAULT_RULES, type DriftRules } from '../../shared/drift/rules';
import { CHECK_IDS, type CheckId, type DriftReport } from '../../shared/drift/types';
import { type DriftDemo, driftDemo } from '../helpers/drift-demo';

/** Numbers to 10 significant digits: float sums computed in parallel differ in the last bits from run to run. */
function stable(report: DriftReport): unknown {
  return JSON.parse(
    JSON.stringify(report, (key, value: unknown) => {
      if (key === 'duration_ms') return undefined;
      return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(10)) : value;
    }),
  );
}

function only(check: CheckId): DriftRules {
  return Object.fromEntries(CHECK_IDS.map((id) => [id, { ...DEFAULT_RULES[id], enabled: id === check }])) as DriftRules;
}

describe('drift checks reading shared scans, on the demo dataset with every incident injected', () => {
  let demo: DriftDemo;
  let workspace: Workspace;
  let full: DriftReport;

  beforeAll(async () => {
    demo = await driftDemo(INCIDENT_IDS);
    workspace = await Workspace.open({ path: demo.db, readOnly: true });
    const result = await runDrift(workspace);
    if (!result.ok) throw new Error(result.error.message);
    full = result.value;
  });
  afterAll(async () => {
    workspace?.close();
    await demo?.cleanup();
  });

  // The report of the checks as they ran before scans were shared (one or more scans of the calls per check),
  // captured once: alerts, values, exemplars, series and every check's reason must not change.
  it('reports exactly what the per-check scans reported', async () => {
    await expect(JSON.stringify(stable(full), null, 1) + '\n').toMatchFileSnapshot('__snapshots__/drift-demo-report.json');
  });

  it('gives each check the same outcome whether it runs alone or with the others', async () => {
    for (const check of CHECK_IDS) {
      const alone = await runDrift(workspace, { rules: only(check) });
      if (!alone.ok) throw new Error(alone.error.message);
      const report = stable(alone.value) as DriftReport;
      const all = stable(full) as DriftReport;
      expect(report.alerts, check).toEqual(all.alerts.filter((a) => a.check === check));
      expect(report.checks.find((c) => c.check === check), check).toEqual(all.checks.find((c) => c.check === check));
    }
  });

  // The Drift view and the review queues can run the checks at the same moment on one workspace.
  it('gives two runs at once the same report, neither dropping the other\'s scans', async () => {
    const runs = await Promise.all([runDrift(workspace), runDrift(workspace), runDrift(workspace)]);
    for (const run of runs) {
      if (!run.ok) throw new Error(run.error.message);
      expect(stable(run.value)).toEqual(stable(full));
    }
  });

  it('times every check', () => {
    expect(full.checks.map((c) => c.check)).toEqual([...CHECK_IDS]);
    for (const c of full.checks) expect(c.duration_ms, c.check).toBeGreaterThanOrEqual(0);
    expect(full.checks.some((c) => c.duration_ms > 0)).toBe(true);
  });
});
