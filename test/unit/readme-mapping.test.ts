import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALL_COLUMNS } from '../../shared/domain/call-columns';

/** The README's field mapping table is documentation users rely on: it must match the code. */
describe('README field mapping', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### 1. Canonical call logs'), readme.indexOf('### 2. OpenTelemetry'));
  it.each(CALL_COLUMNS.map((c) => [c.name, c] as const))('documents %s with every alias', (name, column) => {
    const row = section.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row, `README row for ${name}`).toBeDefined();
    expect(row).toContain(column.aliases.map((a) => `\`${a}\``).join(', '));
  });
});
