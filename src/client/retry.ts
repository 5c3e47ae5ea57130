// Opt-in retries, as a policy object the caller creates with `retryPolicy(...)`: a bundle that does not
// retry never contains this code. Resetting to an absolute offset or timestamp is idempotent (the same
// request always leads to the same committed offset), so repeating it after a lost response cannot move
// the group twice. Only failures that say "try again" are retried: network errors, 429, 502, 503, 504.

/** How to retry. */
export interface RetryOptions {
  /** Total attempts, the first one included: an integer from 1 to 10. Default 3. */
  readonly attempts?: number | undefined;
  /** Upper bound of the first backoff; doubles per retry (full jitter). Default 200 ms. */
  readonly baseDelayMs?: number | undefined;
  /**
   * The longest wait between attempts. Default 5 000 ms. When `Retry-After` asks for longer, the call
   * gives up with the last error instead of retrying early; so it does when a wait would end after the
   * call's deadline (`timeoutMs`), rather than waiting into a TimeoutError that would hide the answer.
   */
  readonly maxDelayMs?: number | undefined;
  /** Replaces the wait (tests); must reject when `signal` aborts. */
  readonly sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
  /** Replaces Math.random for the jitter (tests); returns a number in [0, 1). */
  readonly random?: (() => number) | undefined;
}

/** How an attempt failed: the error the call ends with unless retried, and the response if there was one. */
export interface AttemptFailure {
  readonly error: Error;
  readonly response?: Response | undefined;
}

/**
 * The `retry` option of `createResetOffsetClient` (made by `retryPolicy()`): the loop around the
 * attempts lives here, so that a bundle without retries carries none of it.
 */
export interface RetryPolicy {
  /**
   * Calls `attempt` (undefined: success) until it succeeds or the policy gives up, and returns the last
   * failure (undefined on success). Waits between attempts reject with `signal.reason` when it aborts;
   * a wait longer than `remainingMs()` (the time left before the call's deadline) is not started.
   */
  run(
    attempt: () => Promise<AttemptFailure | undefined>,
    signal: AbortSignal,
    remainingMs?: () => number,
  ): Promise<AttemptFailure | undefined>;
}

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
  if (typeof value !== 'number' || !(value >= 0 && value <= 2_147_483_647))
    throw new TypeError(`retry.${name} must be a number of milliseconds from 0 to 2147483647`);
  return value;
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
 * Retries network errors, 429, 502, 503 and 504: full jitter over an exponentially growing, capped
 * window (a random wait up to `baseDelayMs * 2^(attempt-1)`, at most `maxDelayMs`), never sooner than
 * the server's `Retry-After`; when that asks for more than `maxDelayMs`, or a wait would end after the
 * call's deadline, the call ends with the last error at once.
 * Throws a TypeError for options out of range.
 *
 * @example
 * createResetOffsetClient({ endpoint, projectId, auth, retry: retryPolicy({ attempts: 3 }) });
 */
export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  const { attempts = 3, sleep = sleepFor, random = Math.random } = options;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 10)
    throw new TypeError('retry.attempts must be an integer from 1 to 10');
  const baseDelayMs = delayOption('baseDelayMs', options.baseDelayMs, 200);
  const maxDelayMs = delayOption('maxDelayMs', options.maxDelayMs, 5_000);
  // The wait in ms before attempt `attempt + 1` (counting from 1), or undefined to end the call.
  function delay(attempt: number, response: Response | undefined): number | undefined {
    // The client reports only NetworkErrors (no response) and ResetOffsetErrors; of the statuses, only
    // these say "try again".
    if (attempt >= attempts || (response && ![429, 502, 503, 504].includes(response.status))) return undefined;
    const retryAfterMs = parseRetryAfter(response?.headers.get('Retry-After') ?? null);
    if (retryAfterMs !== undefined && retryAfterMs > maxDelayMs) return undefined;
    const window = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.max(Math.floor(random() * window), retryAfterMs ?? 0);
  }
  return {
    async run(attempt, signal, remainingMs = () => Infinity) {
      for (let n = 1; ; n++) {
        const failure = await attempt();
        const wait = failure && delay(n, failure.response);
        if (wait === undefined || wait >= remainingMs()) return failure;
        await sleep(wait, signal).catch((error: unknown) => {
          throw signal.aborted ? signal.reason : error;
        });
      }
    },
  };
}
