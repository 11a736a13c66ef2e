import { join } from 'node:path';
import type { ApiWithEvents } from '../../shared/api/contract';
import type { AppEvent } from '../../shared/api/app-events';
import { DEFAULT_DEMO, type DemoOptions } from '../../shared/demo/generate';
import { INCIDENT_IDS } from '../../shared/demo/incidents';
import { createApi } from '../../shared/api/transport';
import { createHandlers } from '../../electron/engine/api/handlers';
import { writeDemoDataset } from '../../electron/engine/demo-files';
import { Session } from '../../electron/engine/session';
import { EventStream } from '../../electron/server/event-stream';
import { type RunningServer, startServer } from '../../electron/server/server';
import type { Uploads } from '../../electron/server/uploads';
import { httpTransport } from '../../renderer/src/api/http-transport';
import { tempDir } from './temp';

/** A small demo dataset: every incident, a few days, fast to load. */
export const SMALL_DEMO: DemoOptions = { ...DEFAULT_DEMO, days: 3, callsPerDay: 300, incidents: INCIDENT_IDS };

export async function writeSmallDemo(dir: string, options: Partial<DemoOptions> = {}): Promise<string> {
  await writeDemoDataset(dir, { ...SMALL_DEMO, ...options });
  return dir;
}

export interface ApiServer {
  readonly server: RunningServer;
  readonly api: ApiWithEvents;
  readonly events: AppEvent[];
  readonly dir: string;
  readonly session: Session;
  close(): Promise<void>;
}

/** The contract served over HTTP in this process (no renderer), with a typed client over the real transport. */
export async function startApiServer(options: { uploads?: Uploads } = {}): Promise<ApiServer> {
  const { dir, cleanup } = await tempDir('tracelens-api-');
  const events = new EventStream();
  const session = new Session({ dirs: { config: join(dir, 'config'), cache: join(dir, 'cache') }, onEvent: events.publish });
  const server = await startServer({ handlers: createHandlers(session), events, ...options });
  const api = createApi(httpTransport({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token }));
  const received: AppEvent[] = [];
  const unsubscribe = api.onEvent((e) => received.push(e));
  for (let waited = 0; events.listeners === 0; waited += 10) {
    if (waited > 10_000) throw new Error('the event stream did not connect');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    server,
    api,
    events: received,
    dir,
    session,
    close: async () => {
      unsubscribe();
      await server.close();
      session.close();
      await cleanup();
    },
  };
}
