import type { ParseArgsConfig } from 'node:util';
import type { ExitCode } from './usage-error';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
}

/** One `tracelens` subcommand: its options, its help and what it does. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: OptionSpec;
  run(args: ParsedArgs, io: CommandIo): Promise<ExitCode>;
}
