// The records of a mock that runs in another process (e.g. started once by vitest's globalSetup), read
// over HTTP from the mock's own records endpoint.
import { RECORDS_PATH } from './mock-types.js';
import type { RecordedRequest } from './recorded-request.js';

/** The header whose value `recordedRequests(url, { tag })` filters on. */
export const MOCK_TAG_HEADER = 'x-mock-tag';

/**
 * What the mock at `mockUrl` recorded, in arrival order; with `tag`, only the requests that carried
 * `X-Mock-Tag: <tag>`, so tests sharing one mock each see their own.
 *
 * @example
 * const tagged: typeof fetch = (request) => (request.headers.set('X-Mock-Tag', 'test-1'), fetch(request));
 * const client = createResetOffsetClient({ endpoint: mockUrl, projectId, auth, fetch: tagged });
 * await client.resetMessageOffset({ instanceId, group, body: toEarliest('orders') });
 * const [sent] = await recordedRequests(mockUrl, { tag: 'test-1' });
 */
export async function recordedRequests(
  mockUrl: string,
  options: { readonly tag?: string } = {},
): Promise<RecordedRequest[]> {
  const url = new URL(RECORDS_PATH, mockUrl);
  if (options.tag !== undefined) url.searchParams.set('tag', options.tag);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`recordedRequests: ${url.href} answered ${response.status}`);
  const { requests } = (await response.json()) as { requests: RecordedRequest[] };
  return requests;
}
