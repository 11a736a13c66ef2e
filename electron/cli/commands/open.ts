import type { Command } from '../command';
import { runDesktop } from '../desktop';
import { sourceOptionsEnv } from '../source-options';
import { SERVE_OPTIONS, serveUntilStopped } from './serve';

const { db: _db, ...OPEN_OPTIONS } = SERVE_OPTIONS;

/** A desktop session is worth opening the browser for; CI logs and SSH sessions are not. */
function canShowBrowser(): boolean {
  if (!process.stdout.isTTY) return false;
  return process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
}

export const openCommand: Command = {
  name: 'open',
  summary: 'the desktop app on SOURCE... (no SOURCE: the demo dataset); browser mode when Electron cannot start',
  usage: 'tracelens open [SOURCE...] [--s3-endpoint URL] [--s3-region NAME] [--s3-path-style] [--cache-dir DIR] [--port N] [--browser] [--json]',
  options: OPEN_OPTIONS,
  async run(args, io) {
    const failure = await runDesktop(args.positionals, sourceOptionsEnv(args));
    if (failure === undefined) return 0;
    io.stderr.write(`The desktop app cannot start here (${failure}); opening browser mode instead.\n`);
    const browser = args.values['browser'] ?? canShowBrowser();
    return serveUntilStopped({ ...args, values: { ...args.values, browser } }, io);
  },
};
