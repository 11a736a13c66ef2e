import { useEffect, useRef, useState } from 'react';
import type { Settings as SettingsValue, ThemeSetting } from '../../../../shared/api/methods/settings';
import { THEMES } from '../../../../shared/api/methods/settings';
import type { AppError } from '../../../../shared/api/result';
import { setTheme } from '../../app/theme';
import { useApi } from '../../app/workspace';
import { ErrorNotice, Loading } from '../../components/Status';
import '../review/review.css';

function applyTheme(theme: ThemeSetting): void {
  const system = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  setTheme(theme === 'system' ? system : theme);
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Reviewer name, price table, drift rules, cache folder and theme, saved in the user's config folder. */
export function Settings() {
  const api = useApi();
  const [saved, setSaved] = useState<SettingsValue | null>(null);
  const [form, setForm] = useState({ reviewer: '', pricesFile: '', rulesFile: '', cacheDir: '', theme: 'system' as ThemeSetting });
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState('');

  const load = (s: SettingsValue) => {
    setSaved(s);
    setForm({ reviewer: s.reviewer, pricesFile: s.pricesFile ?? '', rulesFile: s.rulesFile ?? '', cacheDir: s.cacheDir ?? '', theme: s.theme });
  };
  const edited = useRef(false);
  useEffect(() => {
    void api.getSettings({}).then((r) => {
      // A late answer never overwrites what the user has typed meanwhile.
      if (edited.current) return;
      if (r.ok) load(r.value);
      else setError(r.error);
    });
  }, [api]);

  const save = async () => {
    setError(null);
    setNotice('');
    const result = await api.saveSettings({ reviewer: form.reviewer, pricesFile: orNull(form.pricesFile), rulesFile: orNull(form.rulesFile), cacheDir: orNull(form.cacheDir), theme: form.theme });
    if (!result.ok) return setError(result.error);
    load(result.value);
    applyTheme(result.value.theme);
    setNotice('Saved. The next drift run uses these rules and prices.');
  };

  if (!saved && !error) return <Loading what="the settings" />;
  const field = (name: 'reviewer' | 'pricesFile' | 'rulesFile' | 'cacheDir', label: string, hint: string) => (
    <label className="setting">
      <span>{label}</span>
      <input data-testid={`setting-${name}`} value={form[name]} placeholder={hint} onChange={(e) => {
          edited.current = true;
          setForm({ ...form, [name]: e.target.value });
        }} />
    </label>
  );
  return (
    <section className="settings" data-testid="settings">
      <h1>Settings</h1>
      <form
        className="panel settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {field('reviewer', 'Reviewer name', 'your name on labels')}
        {field('pricesFile', 'Price table (JSON)', 'empty: the bundled price table')}
        {field('rulesFile', 'Drift rules (JSON or YAML)', 'empty: the default thresholds')}
        {field('cacheDir', 'Cache folder', 'empty: the platform cache folder')}
        <label className="setting">
          <span>Theme</span>
          <select data-testid="setting-theme" value={form.theme} onChange={(e) => setForm({ ...form, theme: e.target.value as ThemeSetting })}>
            {THEMES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <div>
          <button type="submit" data-testid="settings-save">
            Save
          </button>{' '}
          <span role="status">{notice}</span>
        </div>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
