import { runDrift } from '../../electron/engine/drift/run-drift';
import { scanPii } from '../../electron/engine/pii/scan';
import { Workspace } from '../../electron/engine/workspace';
import { type Side, stringArg, timed } from './side';

async function onWorkspace<T>(path: string, work: (workspace: Workspace) => Promise<T>): Promise<{ ms: number; value: T }> {
  const workspace = await Workspace.open({ path, readOnly: true });
  try {
    return await timed(() => work(workspace));
  } finally {
    workspace.close();
  }
}

/** Every drift check on the whole workspace, as `tracelens drift` runs them. */
export const tracelensDrift: Side = async (args) => {
  const { ms, value } = await onWorkspace(stringArg(args, 'workspace'), (w) => runDrift(w));
  if (!value.ok) throw new Error(value.error.message);
  return { ms, rows: value.value.alerts.length, detail: { alerts: value.value.alerts.length } };
};

/** The PII and secret scan of every call's free text, as `tracelens pii` runs it. */
export const tracelensPii: Side = async (args) => {
  const { ms, value } = await onWorkspace(stringArg(args, 'workspace'), (w) => scanPii(w));
  if (!value.ok) throw new Error(value.error.message);
  return { ms, rows: value.value.findings.length, detail: { findings: value.value.findings.length } };
};
