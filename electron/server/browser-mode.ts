import { createHandlers } from '../engine/api/handlers';
import type { OpenResult } from '../../shared/api/methods/explore';
import { Session } from '../engine/session';
import { userDirs, type UserDirs } from '../engine/user-dirs';
import type { ResolveOptions } from '../sources/resolve';
import { EventStream } from './event-stream';
import { builtRendererDir } from './renderer-dir';
import { type RunningServer, type ServerOptions, startServer } from './server';
import { Uploads } from './uploads';

export interface BrowserModeOptions {
  /** Dumps, folders, globs, s3:// URIs or one workspace file; none (and no db): the bundled demo. */
  readonly sources: readonly string[];
  readonly db?: string;
  readonly port?: number;
  readonly dirs?: UserDirs;
  readonly resolve?: ResolveOptions;
  /** Serve pages through this middleware instead of the built renderer (the hot-reload dev server). */
  readonly pages?: ServerOptions['pages'];
  readonly headers?: ServerOptions['headers'];
}

export interface BrowserMode {
  readonly server: RunningServer;
  readonly opened: OpenResult;
  close(): Promise<void>;
}

/** Opens the sources and serves the app on 127.0.0.1: what `tracelens serve` and the `npm start` fallback run. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const rendererDir = options.pages ? undefined : builtRendererDir();
  const events = new EventStream();
  const session = new Session({ dirs: options.dirs ?? userDirs(), resolve: options.resolve, onEvent: events.publish });
  try {
    const opened = options.sources.length || options.db ? await session.open(options.sources, { db: options.db }) : await session.openDemo();
    const server = await startServer({ handlers: createHandlers(session), events, rendererDir, port: options.port, pages: options.pages, headers: options.headers, uploads: new Uploads() });
    return {
      server,
      opened,
      close: async () => {
        await server.close();
        session.close();
      },
    };
  } catch (error) {
    events.close();
    session.close();
    throw error;
  }
}
