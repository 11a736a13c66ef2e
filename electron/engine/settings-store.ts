import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Settings, THEMES, type ThemeSetting } from '../../shared/api/methods/settings';
import { loadPrices, loadRules } from './drift/config-files';
import { EngineError } from './errors';
import { writeFileAtomic } from './review/atomic-write';
import { defaultReviewer } from './review/reviewer';

type Stored = Partial<Record<keyof Settings, unknown>>;

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Settings as stored, each field checked: a hand-edited file with a bad field falls back to that field's default. */
function fromStored(stored: Stored): Settings {
  const theme = THEMES.includes(stored.theme as ThemeSetting) ? (stored.theme as ThemeSetting) : 'system';
  return {
    reviewer: textOrNull(stored.reviewer) ?? defaultReviewer(),
    pricesFile: textOrNull(stored.pricesFile),
    rulesFile: textOrNull(stored.rulesFile),
    cacheDir: textOrNull(stored.cacheDir),
    theme,
  };
}

/** The user's settings in `<config>/settings.json`. */
export class SettingsStore {
  constructor(private readonly configDir: string) {}

  get path(): string {
    return join(this.configDir, 'settings.json');
  }

  private async stored(): Promise<Stored> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, 'utf8'));
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Stored) : {};
    } catch {
      return {};
    }
  }

  async get(): Promise<Settings> {
    return fromStored(await this.stored());
  }

  /** Saves some fields; a rules file or price table must read cleanly first, so a drift run never meets a broken one. */
  async save(change: Partial<Settings>): Promise<Settings> {
    if (change.rulesFile) await loadRules(change.rulesFile);
    if (change.pricesFile) await loadPrices(change.pricesFile);
    const next: Stored = { ...(await this.stored()), ...change };
    await mkdir(this.configDir, { recursive: true });
    const written = await writeFileAtomic(this.path, JSON.stringify(next, null, 2) + '\n');
    if (!written.ok) throw new EngineError(written.error.code, written.error.message);
    return fromStored(next);
  }
}
