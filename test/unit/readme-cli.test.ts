import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../electron/cli/commands/index';

/** `tracelens COMMAND --help` prints the command's usage line: the README documents the same one. */
describe('README command reference', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const usages = COMMANDS.flatMap((c) => c.usage.split(' | ').map((usage) => [c.name, usage] as const));
  it.each(usages.filter(([, usage]) => !usage.startsWith('tracelens labels merge')))('%s: %s', (_name, usage) => {
    expect(readme).toContain(usage);
  });

  it('documents every option of every command', () => {
    const missing = COMMANDS.flatMap((c) => Object.keys(c.options).filter((o) => !new RegExp(`--${o}\\b`).test(readme)).map((o) => `${c.name} --${o}`));
    expect(missing).toEqual([]);
  });
});
