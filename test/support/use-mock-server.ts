// One mock per describe block: started in beforeAll, closed in afterAll (so vitest exits by itself).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startMockServer, type MockServer } from '../../src/testing/index.js';

/**
 * Registers the hooks and returns the mock; its members work once beforeAll has run. With
 * `clearEachTest`, every test starts with an empty recording.
 */
export function useMockServer(options: { clearEachTest?: boolean } = {}): MockServer {
  let mock: MockServer | undefined;
  beforeAll(async () => {
    mock = await startMockServer();
  });
  afterAll(async () => {
    await mock?.close();
  });
  if (options.clearEachTest) beforeEach(() => mock?.clearRequests());
  const current = (): MockServer => {
    if (!mock) throw new Error('the mock starts in beforeAll');
    return mock;
  };
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    requests: () => current().requests(),
    clearRequests: () => current().clearRequests(),
    droppedRequests: () => current().droppedRequests(),
    close: () => current().close(),
  };
}
