import type { IngestIssue } from '../../shared/domain/ingest';
import type { Db } from '../engine/db';
import { locateUnusableLines, type LocalFile } from './json-lines';

export interface Requirement {
  /** Groups of keys: a usable record has at least one key of each group. */
  readonly keys: readonly (readonly string[])[];
  readonly reason: string;
}

/**
 * Reports the `count` records a loader dropped as unusable: with line numbers for
 * JSON lines, as one summary for Parquet (no lines to point at) and for records
 * whose keys were present but empty.
 */
export async function reportUnusable(db: Db, file: LocalFile, count: number, requirement: Requirement | undefined): Promise<IngestIssue[]> {
  if (count === 0) return [];
  const located = requirement ? await locateUnusableLines(db, file, requirement.keys, requirement.reason) : [];
  const rest = count - located.length;
  if (rest <= 0) return located;
  return [...located, { source: file.uri, line: null, reason: `${rest} record${rest === 1 ? '' : 's'} without usable fields` }];
}
