import type { ResolveOptions } from '../sources/resolve';
import type { OptionSpec, ParsedArgs } from './command';

/** Options every command that reads SOURCE arguments accepts (remote sources' settings). */
export const SOURCE_OPTIONS: OptionSpec = {};

/** How a command's SOURCE arguments are resolved, from its options. */
export function resolveOptionsFrom(_args: ParsedArgs): ResolveOptions {
  return {};
}
