import { formatCount } from '../../../shared/domain/format-units';
import { startBrowserMode } from '../../server/browser-mode';
import { devPages } from '../../server/dev-pages';
import { flag, stringOption } from '../args';
import type { Command, CommandIo, ParsedArgs } from '../command';
import { SettingsStore } from '../../engine/settings-store';
import { userDirs } from '../../engine/user-dirs';
import { resolveOptionsFrom, SOURCE_OPTIONS, withSettingsCacheDir } from '../source-options';
import { openInBrowser } from '../open-browser';
import { UsageError } from '../usage-error';

export function portOption(args: ParsedArgs): number | undefined {
  const raw = stringOption(args, 'port');
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number from 0 to 65535 (got "${raw}")`);
  return port;
}

/** Resolves when the user stops the server (Ctrl+C) or the process is told to end. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Browser mode until stopped; shared by `serve`, `open` and `npm start` when the desktop runtime cannot start. */
export async function serveUntilStopped(args: ParsedArgs, io: CommandIo): Promise<0> {
  const dev = flag(args, 'dev') ? await devPages() : undefined;
  const mode = await startBrowserMode({
    sources: args.positionals,
    db: stringOption(args, 'db'),
    port: portOption(args),
    resolve: resolveOptionsFrom(withSettingsCacheDir(args, (await new SettingsStore(userDirs().config).get()).cacheDir)),
    pages: dev?.pages,
    headers: dev?.headers,
  }).catch(async (error: unknown) => {
    await dev?.close();
    throw error;
  });
  const { server, opened } = mode;
  if (flag(args, 'json')) {
    io.stdout.write(JSON.stringify({ url: server.url, port: server.port, title: opened.workspace.title, calls: opened.workspace.rows.calls }) + '\n');
  } else {
    io.stdout.write(`TraceLens: ${opened.workspace.title} (${formatCount(opened.workspace.rows.calls)} calls)\n`);
    io.stdout.write(`Open ${server.url}\n(listening on 127.0.0.1 only; the token in the URL is required; Ctrl+C stops)\n`);
  }
  if (flag(args, 'browser')) openInBrowser(server.url);
  await untilStopped();
  await mode.close();
  await dev?.close();
  return 0;
}

export const SERVE_OPTIONS = { ...SOURCE_OPTIONS, db: { type: 'string' }, port: { type: 'string' }, browser: { type: 'boolean' }, dev: { type: 'boolean' } } as const;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the app in your browser, on 127.0.0.1 with a per-launch token (no SOURCE: the demo dataset)',
  usage: 'tracelens serve [SOURCE...] [--db FILE] [--port N] [--browser] [--dev] [--json]',
  options: SERVE_OPTIONS,
  run: serveUntilStopped,
};
