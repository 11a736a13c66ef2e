import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EngineError } from '../engine/errors';

/** The built renderer (`npm run build` writes dist/renderer). */
export function builtRendererDir(): string {
  const dir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
  if (!existsSync(`${dir}index.html`)) throw new EngineError('not_found', 'the app is not built yet: run `npm run build` first');
  return dir.replace(/[/\\]$/, '');
}
