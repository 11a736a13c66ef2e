/// <reference types="electron" />
import { createHandlers } from '../engine/api/handlers';
import { dispatch } from '../engine/api/dispatch';
import { Session } from '../engine/session';
import { userDirs } from '../engine/user-dirs';
import { resolveOptionsWithSettings } from '../cli/source-options';
import { SettingsStore } from '../engine/settings-store';
import type { HostMessage, HostRequest } from './protocol';

/**
 * The engine of one desktop window, in its own utility process: DuckDB work never
 * blocks the window or the main process. Requests arrive already checked by main;
 * `dispatch` validates them again, as every transport does.
 */
const port = process.parentPort;
const post = (message: HostMessage) => port.postMessage(message);
const dirs = userDirs();
// Remote sources (s3://) resolve as they do for the CLI with no options given, into the settings' cache folder as it is at each open.
const resolve = resolveOptionsWithSettings({ positionals: [], values: {} }, new SettingsStore(dirs.config));
const session = new Session({ dirs, resolve, onEvent: (event) => post({ kind: 'event', event }) });
const handlers = createHandlers(session);

port.on('message', ({ data }: { data: HostRequest }) => {
  void dispatch(handlers, data.method, data.payload).then((result) => post({ kind: 'result', id: data.id, result }));
});

process.on('exit', () => session.close());
