import { utilityProcess, type UtilityProcess } from 'electron';
import type { AppEvent } from '../../shared/api/app-events';
import { err, type Result } from '../../shared/api/result';
import type { HostMessage } from '../host/protocol';
import type { UserDirs } from '../engine/user-dirs';
import { HOST } from './paths';

/** One window's engine: a utility process running DuckDB, spoken to by message passing. */
export class EngineHost {
  private readonly child: UtilityProcess;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 1;
  private exited = false;

  constructor(dirs: UserDirs, onEvent: (event: AppEvent) => void) {
    this.child = utilityProcess.fork(HOST, [], {
      serviceName: 'TraceLens engine',
      stdio: 'inherit',
      env: { ...process.env, TRACELENS_CONFIG_DIR: dirs.config, TRACELENS_CACHE_DIR: dirs.cache },
    });
    this.child.on('message', (message: HostMessage) => {
      if (message.kind === 'event') onEvent(message.event);
      else {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      }
    });
    this.child.on('exit', (code) => {
      this.exited = true;
      for (const resolve of this.pending.values()) resolve(err('internal', `the engine stopped (exit code ${code}); reopen the workspace`));
      this.pending.clear();
    });
  }

  call(method: string, payload: unknown): Promise<Result<unknown>> {
    if (this.exited) return Promise.resolve(err('internal', 'the engine has stopped; reopen the workspace'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.postMessage({ id, method, payload });
    });
  }

  stop(): void {
    if (!this.exited) this.child.kill();
  }
}
