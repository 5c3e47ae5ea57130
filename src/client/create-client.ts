// The client: openapi-fetch over the generated `paths`, plus what a caller of this one operation
// needs and openapi-fetch leaves out: checks before sending, a deadline, opt-in retries, typed errors.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { secretsOf } from '../auth/sent-secrets.js';
import { NetworkError, RequestValidationError, ResetOffsetError } from '../errors.js';
import type { paths, ResetMessageOffsetRequest } from '../types.js';
import { startDeadline } from './deadline.js';
import { baseUrl } from './endpoint.js';
import { guardedFetch, type FetchLike } from './fetch-guard.js';
import { checkRequest } from './request-checks.js';
import type { RetryPolicy } from './retry.js';

export const RESET_MESSAGE_OFFSET_PATH = '/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset';

/** The largest timeout setTimeout can hold; larger values would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

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
   * sending), ResetOffsetError (any other status), NetworkError, TimeoutError or AbortError.
   */
  resetMessageOffset(params: ResetMessageOffsetParams): Promise<void>;
  /** The underlying openapi-fetch client over the generated `paths`, with `auth` applied. */
  readonly raw: Client<paths>;
}

function timeoutOf(value: number | undefined): number {
  if (value === undefined) return 30_000;
  if (value === Infinity) return value;
  if (typeof value !== 'number' || !(value > 0) || value > MAX_TIMEOUT_MS) {
    throw new TypeError(`timeoutMs must be a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, or Infinity`);
  }
  return value;
}

/**
 * Creates a client for ResetMessageOffset.
 *
 * @example
 * const client = createResetOffsetClient({ endpoint: 'https://dms.eu-de.otc.t-systems.com', projectId, auth: tokenAuth(token) });
 * await client.resetMessageOffset({ instanceId, group: 'orders-consumer', body: toEarliest('orders') });
 */
export function createResetOffsetClient(options: ResetOffsetClientOptions): ResetOffsetClient {
  const base = baseUrl(options.endpoint, options.allowInsecureHttp === true);
  if (typeof options.projectId !== 'string') throw new TypeError('projectId must be a string');
  const auth = options.auth as Partial<Record<'onRequest' | 'onResponse' | 'onError', unknown>> | undefined;
  if (typeof auth?.onRequest !== 'function') throw new TypeError('auth is required: tokenAuth(...) or akskAuth(...)');
  const timeoutMs = timeoutOf(options.timeoutMs);
  const validate = options.validate ?? true;
  const policy = options.retry;
  const projectId = options.projectId;
  // Resolved at call time, so a fetch installed globally after the client was created is used.
  const fetchImpl: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));

  // Redirects are not followed: the API never redirects, and following one would carry the
  // credentials (X-Auth-Token is not stripped across origins) to wherever it points.
  const raw = createClient<paths>({ baseUrl: base, fetch: guardedFetch(fetchImpl), redirect: 'manual', headers: { Accept: 'application/json' } });
  raw.use(options.auth);

  async function attempt(params: { project_id: string; instance_id: string; group: string }, body: Record<string, unknown>, signal: AbortSignal) {
    const { response, error, data } = await raw.POST(RESET_MESSAGE_OFFSET_PATH, {
      params: { path: params },
      // Already checked; the caller's body with partition filled in, field names as on the wire.
      body: body as ResetMessageOffsetRequest,
      signal,
    });
    if (response.status === 204) return undefined;
    const received: unknown = error ?? data;
    return {
      error: new ResetOffsetError({
        status: response.status,
        statusText: response.statusText,
        body: received === '' ? undefined : received,
        requestIdHeader: response.headers.get('X-Request-Id'),
        secrets: secretsOf(response),
      }),
      response,
    };
  }

  async function resetMessageOffset({ instanceId, group, body, signal }: ResetMessageOffsetParams): Promise<void> {
    const params = { project_id: projectId, instance_id: instanceId, group };
    const checked = checkRequest(params, body, validate);
    if (checked.violations.length > 0 || checked.body === undefined) throw new RequestValidationError(checked.violations);
    const deadline = startDeadline(timeoutMs, signal);
    try {
      for (let n = 1; ; n++) {
        // An already aborted signal sends nothing (and does not even ask the token provider).
        const fired = deadline.reason();
        if (fired) throw fired;
        let failure: ResetOffsetError | NetworkError;
        let response: Response | undefined;
        try {
          const outcome = await Promise.race([attempt(params, checked.body, deadline.signal), deadline.aborted]);
          if (outcome === undefined) return;
          ({ error: failure, response } = outcome);
        } catch (error) {
          const fired = deadline.reason();
          if (fired) throw fired;
          if (!(error instanceof NetworkError)) throw error;
          failure = error;
        }
        const delay = policy?.delay(n, failure, response);
        if (policy === undefined || delay === undefined) throw failure;
        try {
          await policy.sleep(delay, deadline.signal);
        } catch (error) {
          throw deadline.reason() ?? error;
        }
      }
    } finally {
      deadline.dispose();
    }
  }

  return { resetMessageOffset, raw };
}
