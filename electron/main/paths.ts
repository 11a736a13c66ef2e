import { join } from 'node:path';

/** Where the built pieces sit next to the main bundle (dist/electron/main/main.cjs). */
export const DIST = join(__dirname, '..', '..');
export const RENDERER_DIR = join(DIST, 'renderer');
export const PRELOAD = join(DIST, 'electron', 'preload', 'preload.cjs');
export const HOST = join(DIST, 'electron', 'host', 'host.cjs');
