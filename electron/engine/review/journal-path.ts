/** The label journal of a workspace: beside it, `w.duckdb` -> `w.labels.jsonl`. */
export function journalPathFor(workspacePath: string): string {
  return `${workspacePath.replace(/\.duckdb$/i, '')}.labels.jsonl`;
}
