import { userInfo } from 'node:os';

/** Who labels when no reviewer is named: the operating-system user. */
export function defaultReviewer(): string {
  try {
    const name = userInfo().username.trim();
    if (name) return name;
  } catch {
    // No passwd entry (some containers): fall back to the environment.
  }
  return process.env['USER']?.trim() || process.env['USERNAME']?.trim() || 'reviewer';
}
