import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../shared/drift/rules';
import { CHECK_IDS } from '../../shared/drift/types';

/** The README's drift section is what users configure from: every check and every rules key must be in it. */
describe('README drift checks section', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Drift checks'), readme.indexOf('## Demo data'));

  it.each(CHECK_IDS.map((id) => [id]))('documents %s and every one of its rules keys', (id) => {
    const row = section.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
    expect(row, `README row for ${id}`).toBeDefined();
    const rows = section.split('\n').filter((line) => line.startsWith(`| \`${id}\` |`)).join('\n');
    for (const key of Object.keys(DEFAULT_RULES[id]).filter((k) => k !== 'enabled')) expect(rows, `${id}.${key}`).toContain(`\`${key}\``);
  });
});
