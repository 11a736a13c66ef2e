import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RecentWorkspace } from '../../shared/api/methods/explore';

const MAX_RECENT = 20;

/** The recently opened workspaces, kept as a small JSON file in the user's config folder. */
export class RecentWorkspaces {
  constructor(private readonly file: string) {}

  static in(configDir: string): RecentWorkspaces {
    return new RecentWorkspaces(join(configDir, 'recent-workspaces.json'));
  }

  /** Newest first. A missing or damaged file is an empty list: recents are a convenience, never a reason to fail. */
  async list(): Promise<RecentWorkspace[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter(isRecent) : [];
    } catch {
      return [];
    }
  }

  async add(entry: RecentWorkspace): Promise<void> {
    const key = (r: RecentWorkspace) => r.path ?? r.sources.join('\n');
    const rest = (await this.list()).filter((r) => key(r) !== key(entry));
    const list = [entry, ...rest].slice(0, MAX_RECENT);
    await mkdir(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp-${process.pid}`;
    await writeFile(temp, JSON.stringify(list, null, 2) + '\n');
    await rename(temp, this.file);
  }
}

function isRecent(value: unknown): value is RecentWorkspace {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r['title'] === 'string' && typeof r['openedAt'] === 'string' && Array.isArray(r['sources']) && (r['path'] === null || typeof r['path'] === 'string');
}
