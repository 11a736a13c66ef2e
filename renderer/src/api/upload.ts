import { err, type Result } from '../../../shared/api/result';
import { fromWire } from '../../../shared/api/wire';
import { browserAuthorization } from './client';

/** True in browser mode, where dropped or picked files must be copied to the engine (their paths are hidden). */
export function uploadsNeeded(): boolean {
  return window.tracelens === undefined;
}

/** Streams one file to browser mode's server; the answer is the path of the copy, to open like any dump. */
export async function uploadFile(file: File): Promise<Result<string>> {
  try {
    const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: 'PUT', headers: { Authorization: browserAuthorization() }, body: file });
    const result = fromWire(await response.text()) as Result<{ path: string }>;
    return result.ok ? { ok: true, value: result.value.path } : result;
  } catch (error) {
    return err('internal', `cannot copy ${file.name} to TraceLens: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Copies the files one after another, reporting which one is on its way; stops at the first failure. */
export async function uploadFiles(files: readonly File[], onFile: (file: File, index: number) => void): Promise<Result<string[]>> {
  const paths: string[] = [];
  for (const [index, file] of files.entries()) {
    onFile(file, index);
    const result = await uploadFile(file);
    if (!result.ok) return result;
    paths.push(result.value);
  }
  return { ok: true, value: paths };
}
