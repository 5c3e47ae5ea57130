// One AbortSignal for a whole call (all attempts and the waits between them), fired by the caller's
// signal or by the timeout. Its reason is the error the call ends with: an AbortError or a TimeoutError.
import { AbortError, TimeoutError } from '../errors.js';

export interface Deadline {
  /** Aborted with the AbortError or TimeoutError as its reason. */
  readonly signal: AbortSignal;
  /** Rejects with that reason: raced per attempt, a fetch that ignores its signal cannot hold a call past it. */
  readonly aborted: Promise<never>;
  dispose(): void;
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  const { signal } = controller;
  const aborted = new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
  // May fire when nothing is racing it (between attempts): never "unhandled".
  aborted.catch(() => undefined);
  const onCallerAbort = () => controller.abort(new AbortError(callerSignal?.reason));
  if (callerSignal?.aborted) onCallerAbort();
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  // An AbortController aborts once: whichever fires first is the reason.
  const timer = timeoutMs < Infinity ? setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs) : undefined;
  return {
    signal,
    aborted,
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
