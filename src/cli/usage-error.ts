// A mistake in how the command was called (flags, values, environment, the plan file): reported as one
// line that says what to do, with exit code 2, before anything is sent.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
