// The client: openapi-fetch over the generated `paths`, plus what a caller of this one operation
// needs and openapi-fetch leaves out: checks before sending, a deadline, opt-in retries, typed errors.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { RequestWithBody } from '../auth/request-body.js';
import { NetworkError, ResetOffsetError } from '../errors.js';
import type { paths, ResetMessageOffsetRequest } from '../types.js';
import { startDeadline } from './deadline.js';
import { baseUrl } from './endpoint.js';
import { answerTo, guardedFetch, type FetchLike } from './fetch-guard.js';
import { parseBody } from './read-body.js';
import { checkRequest } from './request-checks.js';
import type { AttemptFailure, RetryPolicy } from './retry.js';

export const RESET_MESSAGE_OFFSET_PATH =
  '/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset';

export interface ResetOffsetClientOptions {
  /** Base URL, e.g. `https://dms.eu-de.otc.t-systems.com` or a mock's `http://127.0.0.1:4010`. */
  readonly endpoint: string;
  /** The project ID (32 lowercase hex characters). */
  readonly projectId: string;
  /** `tokenAuth(...)` or `akskAuth(...)` (any openapi-fetch middleware that authenticates). */
  readonly auth: Middleware;
  /** The fetch to use (default: the global fetch at call time). */
  readonly fetch?: FetchLike | undefined;
  /** Deadline for a whole call, retries included. Default 30 000 ms; `Infinity` disables it. */
  readonly timeoutMs?: number | undefined;
  /** Check requests against the spec's schemas before sending (default true). Safety checks always run. */
  readonly validate?: boolean | undefined;
  /** Opt-in retries: `retryPolicy()` (network errors, 429, 502, 503, 504). Default: no retries. */
  readonly retry?: RetryPolicy | undefined;
  /** Allow a plain-http endpoint that is not a loopback address (e.g. a mock in a private network). */
  readonly allowInsecureHttp?: boolean | undefined;
}

export interface ResetMessageOffsetParams {
  /** The Kafka instance ID (a UUID). */
  readonly instanceId: string;
  /** The consumer group ID; sent percent-encoded as one path segment. */
  readonly group: string;
  /** Exactly one of `message_offset` and `timestamp`; `partition` defaults to -1 (all). */
  readonly body: ResetMessageOffsetRequest;
  /** Aborts the call (and any wait between retries) with an AbortError. */
  readonly signal?: AbortSignal | undefined;
}

export interface ResetOffsetClient {
  /**
   * Resets the group's committed offset; resolves on 204. Rejects with RequestValidationError (before
   * sending), CredentialError (the token source gave no token), ResetOffsetError (any other status),
   * NetworkError, TimeoutError or AbortError: all of them DmsResetOffsetError.
   */
  resetMessageOffset(params: ResetMessageOffsetParams): Promise<void>;
  /** The underlying openapi-fetch client over the generated `paths`, with `auth` applied. */
  readonly raw: Client<paths>;
}

/**
 * Creates a client for ResetMessageOffset.
 *
 * @example
 * const client = createResetOffsetClient({ endpoint: 'https://dms.eu-de.otc.t-systems.com', projectId, auth: tokenAuth(token) });
 * await client.resetMessageOffset({ instanceId, group: 'orders-consumer', body: toEarliest('orders') });
 */
export function createResetOffsetClient(options: ResetOffsetClientOptions): ResetOffsetClient {
  const { projectId, auth, timeoutMs = 30_000, validate = true, retry } = options;
  const base = baseUrl(options.endpoint, options.allowInsecureHttp === true);
  // projectId is checked with the other path parameters, on each call, before anything is sent.
  // openapi-fetch's use() refuses what is not middleware, but silently skips a missing one.
  if (!auth) throw new TypeError('auth is required');
  // setTimeout holds at most 2^31 - 1 ms; a longer timeout would fire at once.
  if (!(timeoutMs > 0 && timeoutMs < 2 ** 31) && timeoutMs !== Infinity)
    throw new TypeError('timeoutMs must be 1 to 2147483647, or Infinity');
  // Resolved at call time, so a fetch installed globally after the client was created is used.
  const fetchImpl: FetchLike = options.fetch ?? ((request) => fetch(request));

  // Redirects are not followed: the API never redirects, and following one would carry the
  // credentials (X-Auth-Token is not stripped across origins) to wherever it points.
  const raw = createClient<paths>({
    baseUrl: base,
    fetch: guardedFetch(fetchImpl),
    redirect: 'manual',
    headers: { Accept: 'application/json' },
    Request: RequestWithBody,
  });
  raw.use(auth);

  async function resetMessageOffset({ instanceId, group, body, signal }: ResetMessageOffsetParams): Promise<void> {
    const params = { project_id: projectId, instance_id: instanceId, group };
    // The caller's body with partition filled in, field names as on the wire; throws if it may not be sent.
    const wire = checkRequest(params, body, validate) as ResetMessageOffsetRequest;
    const deadline = startDeadline(timeoutMs, signal);
    const { signal: callSignal } = deadline;
    // One attempt: undefined on 204, else the failure to end the call with (or to retry on).
    const attempt = async (): Promise<AttemptFailure | undefined> => {
      try {
        // An aborted call sends nothing more (and does not even ask the token provider).
        if (callSignal.aborted) throw callSignal.reason;
        // parseAs 'stream' keeps openapi-fetch from parsing a 2xx body (a proxy's HTML page is not JSON);
        // the error is made from what the guarded fetch received.
        const { response: handedOn } = await deadline.race(
          raw.POST(RESET_MESSAGE_OFFSET_PATH, {
            params: { path: params },
            body: wire,
            signal: callSignal,
            parseAs: 'stream',
          }),
        );
        // (No answer: a middleware answered in place of the server.)
        const answer = answerTo(handedOn);
        const response = answer?.response ?? handedOn;
        if (response.status === 204) return undefined;
        const error = new ResetOffsetError(response, answer && parseBody(answer.text), {
          secrets: answer?.secrets,
          bodyTruncated: answer?.truncated,
        });
        return { error, response };
      } catch (error) {
        if (callSignal.aborted) throw callSignal.reason;
        // Only what failed on the wire may be retried; anything else (a token provider's error) ends the call.
        if (error instanceof NetworkError) return { error };
        throw error;
      }
    };
    try {
      const failure = await (retry ? retry.run(attempt, callSignal, deadline.remainingMs) : attempt());
      if (failure) throw failure.error;
    } finally {
      deadline.dispose();
    }
  }

  return { resetMessageOffset, raw };
}
