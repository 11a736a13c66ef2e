import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = resolve(BENCH_DIR, '..');

/** Generated dumps are large (several GB for the full run): cached outside git, reused between runs. */
export const DATA_DIR = process.env['TRACELENS_BENCH_DATA'] ? resolve(process.env['TRACELENS_BENCH_DATA']) : join(BENCH_DIR, 'data');

export const RESULTS_FILE = join(BENCH_DIR, 'results', 'latest.json');
