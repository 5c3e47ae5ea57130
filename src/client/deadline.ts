// One AbortSignal for a whole call (all attempts and the waits between them), fired by the caller's
// signal or by the timeout, remembering which of the two fired so that the error can say so.
import { AbortError, TimeoutError } from '../errors.js';

export interface Deadline {
  readonly signal: AbortSignal;
  /** Rejects with the abort's error when the signal fires: a fetch that ignores its signal cannot hold a call past it. */
  readonly aborted: Promise<never>;
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
  const aborted = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(fired), { once: true });
  });
  // Raced per attempt, but may fire when nothing is racing it (between attempts): never "unhandled".
  aborted.catch(() => undefined);
  const onCallerAbort = () => fire(new AbortError(callerSignal?.reason));
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = Number.isFinite(timeoutMs) ? setTimeout(() => fire(new TimeoutError(timeoutMs)), timeoutMs) : undefined;
  return {
    signal: controller.signal,
    aborted,
    reason: () => fired,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
