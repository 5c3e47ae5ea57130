// Opt-in retries. Resetting to an absolute offset or timestamp is idempotent (the same request always
// leads to the same committed offset), so repeating it after a lost response cannot move the group
// twice. Only failures that say "try again" are retried: network errors, 429, 502, 503, 504.

/** How to retry; `retry: true` means all defaults. */
export interface RetryOptions {
  /** Total attempts, the first one included: an integer from 1 to 10. Default 3. */
  readonly attempts?: number | undefined;
  /** Upper bound of the first backoff; doubles per retry (full jitter). Default 200 ms. */
  readonly baseDelayMs?: number | undefined;
  /**
   * The longest wait between attempts. Default 5 000 ms. When `Retry-After` asks for longer, the call
   * gives up with the last error instead of retrying early.
   */
  readonly maxDelayMs?: number | undefined;
  /** Replaces the wait (tests); must reject when `signal` aborts. */
  readonly sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
  /** Replaces Math.random for the jitter (tests); returns a number in [0, 1). */
  readonly random?: (() => number) | undefined;
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random: () => number;
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

// setTimeout holds at most 2^31 - 1 ms; a longer wait would fire at once, i.e. retry early.
function delayOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= 2_147_483_647)) throw new TypeError(`retry.${name} must be a number of milliseconds from 0 to 2147483647`);
  return value;
}

/** The policy for a `retry` option; `undefined`/`false` means a single attempt. */
export function retryPolicy(option: boolean | RetryOptions | undefined): RetryPolicy {
  const o: RetryOptions = option === true ? {} : option === false || option === undefined ? { attempts: 1 } : option;
  const attempts = o.attempts ?? 3;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 10) throw new TypeError('retry.attempts must be an integer from 1 to 10');
  return {
    attempts,
    baseDelayMs: delayOption('baseDelayMs', o.baseDelayMs, 200),
    maxDelayMs: delayOption('maxDelayMs', o.maxDelayMs, 5_000),
    sleep: o.sleep ?? sleepFor,
    random: o.random ?? Math.random,
  };
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP-date; `undefined` when absent or unreadable.
 *
 * @example parseRetryAfter('2') // 2000
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  // Only real HTTP-dates (they name a weekday or month); Date.parse accepts far more than RFC 9110 allows.
  if (Number.isNaN(date) || !/[A-Za-z]{3}/.test(trimmed)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1): full jitter over an exponentially
 * growing, capped window, but never less than the server's `Retry-After`; `undefined` when the server
 * asks to wait longer than `maxDelayMs` (the caller then gets the error instead of an early retry).
 */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfterMs: number | undefined): number | undefined {
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxDelayMs) return undefined;
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jitter = Math.floor(policy.random() * window);
  return Math.max(jitter, retryAfterMs ?? 0);
}
