// One AbortSignal for a whole call (all attempts and the waits between them), fired by the caller's
// signal or by the timeout. Its reason is the error the call ends with: an AbortError or a TimeoutError.
import { AbortError, TimeoutError } from '../errors.js';

export interface Deadline {
  /** Aborted with the AbortError or TimeoutError as its reason. */
  readonly signal: AbortSignal;
  /** Settles like `promise`, or rejects with the signal's reason as soon as it aborts: a fetch that ignores its signal cannot hold a call past it. */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Milliseconds left until the timeout fires (Infinity without one). */
  remainingMs(): number;
  dispose(): void;
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  const { signal } = controller;
  const onCallerAbort = () => controller.abort(new AbortError(callerSignal?.reason));
  if (callerSignal?.aborted) onCallerAbort();
  callerSignal?.addEventListener('abort', onCallerAbort);
  // An AbortController aborts once: whichever fires first is the reason.
  const endsAt = Date.now() + timeoutMs;
  const timer =
    timeoutMs < Infinity ? setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs) : undefined;
  return {
    signal,
    race: (promise) =>
      new Promise((resolve, reject) => {
        promise.then(resolve, reject);
        // 'abort' fires once, so the listener goes with the signal. The caller checks the signal just
        // before `promise` starts, and nothing between can abort it but code run by `promise` itself.
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
    remainingMs: () => endsAt - Date.now(),
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
