import { UnknownColumnError } from '../../shared/query/filter';
import { firstLine } from '../engine/db';
import { isEngineError } from '../engine/errors';
import { parseCommandArgs, flag } from './args';
import type { Command, CommandIo } from './command';
import { COMMANDS } from './commands/index';
import { UsageError, type ExitCode } from './usage-error';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `TraceLens: open LLM production traces, slice them, check drift, export gold rows.\n\nUsage: tracelens COMMAND [options]\n\nCommands:\n${lines.join('\n')}\n\nEvery command takes --json for machine output and --help for its options.\nExit codes: 0 ok, 1 a check found something, 2 usage or input error.\n`;
}

function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => `  --${name}${spec.type === 'string' ? ' VALUE' : ''}${spec.multiple ? ' (repeatable)' : ''}`);
  return `Usage: ${command.usage}\n\n${command.summary}\n\nOptions:\n${options.join('\n')}\n  --json\n  --help\n`;
}

/** The message a user sees for an error: one line, no stack trace. */
export function userMessage(error: unknown): { message: string; code: ExitCode } {
  if (error instanceof UsageError || error instanceof UnknownColumnError) return { message: error.message, code: 2 };
  if (isEngineError(error)) return { message: error.message, code: 2 };
  const message = error instanceof Error ? firstLine(error.message) : String(error);
  return { message: `internal error: ${message}`, code: 2 };
}

/** Runs `tracelens ARGV` and returns its exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`tracelens: unknown command "${name}"; run \`tracelens --help\` for the list\n`);
    return 2;
  }
  try {
    const args = parseCommandArgs(rest, command.options);
    if (flag(args, 'help')) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    const { message, code } = userMessage(error);
    io.stderr.write(`tracelens ${name}: ${message}\n`);
    return code;
  }
}
