// The exit codes, documented in --help and the README, and which failure maps to which.
import { RequestValidationError, ResetOffsetError } from '../index.js';

export const EXIT = {
  /** Every reset done, or a valid dry run. */
  ok: 0,
  /** An unexpected failure of this program (a bug): nothing more is known. */
  internal: 1,
  /** A usage or validation error, or missing credentials: nothing was sent. */
  usage: 2,
  /** The API refused a reset (an HTTP 4xx answer). */
  refused: 3,
  /** No usable answer: a network error, a timeout, a 5xx, or any other answer than 204 or 4xx. */
  noAnswer: 4,
  /** Interrupted (SIGINT or SIGTERM) during --execute: 128 + SIGINT, as a shell reports it. */
  interrupted: 130,
} as const;

/** The exit code for the error a reset failed with. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof RequestValidationError) return EXIT.usage;
  if (error instanceof ResetOffsetError)
    return error.status >= 400 && error.status < 500 ? EXIT.refused : EXIT.noAnswer;
  if (error instanceof Error && ['NetworkError', 'TimeoutError', 'AbortError'].includes(error.name))
    return EXIT.noAnswer;
  return EXIT.internal;
}

/** Whether a reset that failed this way may still have been applied (the request may have reached the server). */
export function outcomeUnknown(error: unknown): boolean {
  const code = exitCodeFor(error);
  return code !== EXIT.refused && code !== EXIT.usage;
}
