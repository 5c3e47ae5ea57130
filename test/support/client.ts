// The client the suites test, built one way: the test IDs, a fake token, and whatever a suite changes.
import {
  createResetOffsetClient,
  tokenAuth,
  type ResetOffsetClient,
  type ResetOffsetClientOptions,
} from '../../src/index.js';
import { PROJECT_ID, TOKEN } from './ids.js';

/** Where a client that never reaches the network (an injected fetch) says it sends. */
export const TEST_ENDPOINT = 'https://dms.example';

/**
 * A client for PROJECT_ID with token auth (TOKEN) on TEST_ENDPOINT; `options` override any of them.
 *
 * @example const client = testClient({ endpoint: mock.url }); const offline = testClient({ fetch: rec.fetch });
 */
export function testClient(options: Partial<ResetOffsetClientOptions> = {}): ResetOffsetClient {
  return createResetOffsetClient({
    endpoint: TEST_ENDPOINT,
    projectId: PROJECT_ID,
    auth: tokenAuth(TOKEN),
    ...options,
  });
}
