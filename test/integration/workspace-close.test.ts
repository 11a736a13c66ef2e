import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/engine/workspace';

describe('closing a workspace', () => {
  it('interrupts a statement still running instead of waiting for it, and refuses statements after', async () => {
    const workspace = await Workspace.open();
    await workspace.db.exec('CREATE TABLE big AS SELECT range AS i, md5(CAST(range AS VARCHAR)) AS s FROM range(8000000)');
    // A background build of the kind the calls table starts: still running when the user closes.
    const build = workspace.db.exec('CREATE TEMP TABLE sorted AS SELECT * FROM big ORDER BY s');
    const outcome = build.then(() => 'finished', (error: unknown) => String(error));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await workspace.close();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(await outcome).toMatch(/Interrupted/);
    await expect(workspace.db.all('SELECT 1')).rejects.toThrow('the workspace was closed');
  });

  it('closes at once when nothing runs', async () => {
    const workspace = await Workspace.open();
    await workspace.db.exec('CREATE TABLE t AS SELECT 1 AS x');
    const closing = workspace.close();
    await expect(workspace.db.one('SELECT 1')).rejects.toThrow('the workspace was closed');
    await closing;
  });
});
