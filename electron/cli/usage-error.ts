/** A mistake in how a command was called: exit code 2 with a one-line message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A command's outcome: 0 ok, 1 a check found something. */
export type ExitCode = 0 | 1 | 2;
