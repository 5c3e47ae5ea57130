// One AbortSignal for a whole call (all attempts and the waits between them), fired by the caller's
// signal or by the timeout, remembering which of the two fired so that the error can say so.
import { AbortError, TimeoutError } from '../errors.js';

export interface Deadline {
  readonly signal: AbortSignal;
  /** The error for the abort that happened, or undefined if the signal has not fired. */
  reason(): AbortError | TimeoutError | undefined;
  dispose(): void;
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let fired: AbortError | TimeoutError | undefined;
  const fire = (error: AbortError | TimeoutError) => {
    if (fired) return;
    fired = error;
    controller.abort(error);
  };
  const onCallerAbort = () => fire(new AbortError(callerSignal?.reason));
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = Number.isFinite(timeoutMs) ? setTimeout(() => fire(new TimeoutError(timeoutMs)), timeoutMs) : undefined;
  return {
    signal: controller.signal,
    reason: () => fired,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
