import { z } from 'zod';
import { method } from '../method';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeSetting = (typeof THEMES)[number];

/** The user's settings, kept in the config folder (settings.json). */
export interface Settings {
  /** Who the labels are by; the operating-system user name unless set. */
  readonly reviewer: string;
  /** A price table JSON file replacing the bundled one; null: the bundled table. */
  readonly pricesFile: string | null;
  /** A drift rules file (JSON or YAML); null: the default thresholds. */
  readonly rulesFile: string | null;
  /** Where downloaded S3 objects are kept; null: the platform's cache folder. */
  readonly cacheDir: string | null;
  readonly theme: ThemeSetting;
}

const Path = z.string().trim().min(1).max(4096).nullable();

export const SETTINGS_METHODS = {
  getSettings: method<Settings>()(z.strictObject({}), 'The settings, with defaults filled in.'),
  saveSettings: method<Settings>()(
    z.strictObject({
      reviewer: z.string().trim().min(1).max(200).optional(),
      pricesFile: Path.optional(),
      rulesFile: Path.optional(),
      cacheDir: Path.optional(),
      theme: z.enum(THEMES).optional(),
    }),
    'Changes some settings (a rules file or price table is checked first) and returns them all.',
  ),
};
