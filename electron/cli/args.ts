import { parseArgs } from 'node:util';
import { parseIsoTime } from '../../shared/domain/iso-time';
import type { OptionSpec, ParsedArgs } from './command';
import { UsageError } from './usage-error';

export const COMMON_OPTIONS: OptionSpec = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export function parseCommandArgs(argv: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, '').replace(/^TypeError.*?: /, ''));
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** An ISO 8601 time option as the UTC instant it names (`2026-11-04T10:00:00.000Z`), so DuckDB and the checks read it alike. */
export function isoOption(args: ParsedArgs, name: string): string | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  const time = parseIsoTime(value);
  if (!time) throw new UsageError(`--${name} must be an ISO 8601 time, like 2026-11-04 or 2026-11-04T10:00:00Z (got "${value}")`);
  return time.toISOString();
}
