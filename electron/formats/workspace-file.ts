import { isDuckDb, readHead } from './sniff';

/** A saved workspace (DuckDB file) rather than a dump: by its extension or its magic bytes. */
export async function isWorkspaceFile(path: string): Promise<boolean> {
  if (path.endsWith('.duckdb')) return true;
  try {
    return isDuckDb(await readHead(path));
  } catch {
    return false;
  }
}
