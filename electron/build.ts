import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the desktop app's Node side into dist/electron: main and the engine host
 * as CommonJS with their packages left to node_modules (DuckDB's native binary is
 * unpacked from the asar), the preload as one self-contained file, as a sandboxed
 * preload must be.
 */
const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main/main.cjs', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/host/host.ts'], outfile: 'dist/electron/host/host.cjs', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload/preload.cjs', platform: 'browser', external: ['electron'], minify: true }),
]);
