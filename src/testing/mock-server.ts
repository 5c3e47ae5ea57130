// startMockServer: Prism serving the bundled spec, behind a recording front.
import { readBundledSpec, specOperation } from './bundled-spec.js';
import { startPrism } from './prism-server.js';
import type { RecordedRequest } from './recorded-request.js';
import { startRecordingFront } from './recording-front.js';

export interface MockServerOptions {
  /** Port to listen on; 0 (the default) picks a free one, so several mocks can run at once. */
  readonly port?: number;
  /** Interface to listen on; default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** Called with each request once the mock has answered it (the CLI prints them). */
  readonly onRequest?: (request: RecordedRequest) => void;
}

export interface MockServer {
  /** Base URL to give the client, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly port: number;
  /** What the mock received so far, in arrival order (copies: mutating them changes nothing). */
  requests(): RecordedRequest[];
  /** Forgets the requests received so far (e.g. in a beforeEach when one mock serves a whole file). */
  clearRequests(): void;
  /** Stops listening and closes every connection; nothing is left to keep the process alive. */
  close(): Promise<void>;
}

function checkOptions(port: number, host: string): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`startMockServer: port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  if (typeof host !== 'string' || host === '') throw new TypeError('startMockServer: host must be a non-empty string');
}

/**
 * Starts a mock of the ResetMessageOffset API: Prism serving the spec that ships in this package,
 * answering 204 to valid requests and the spec's error examples otherwise, and recording every request
 * with the contract's verdict. Needs the optional peer dependencies `@stoplight/prism-http`,
 * `@stoplight/prism-http-server` and `@stoplight/prism-core`.
 *
 * @example
 * const mock = await startMockServer();
 * const client = createResetOffsetClient({ endpoint: mock.url, projectId, auth: tokenAuth('test-token') });
 * await client.resetMessageOffset({ instanceId, group: 'orders-consumer', body: toEarliest('orders') });
 * expect(mock.requests()[0]?.contract).toEqual({ valid: true });
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 0, host = '127.0.0.1', onRequest } = options;
  checkOptions(port, host);
  const spec = await readBundledSpec();
  const operation = specOperation(spec);
  const prism = await startPrism(spec);
  try {
    const front = await startRecordingFront({
      host,
      port,
      upstream: prism.url,
      operation,
      ...(onRequest ? { onRecord: onRequest } : {}),
    });
    let closing: Promise<void> | undefined;
    return {
      url: front.url,
      port: front.port,
      requests: front.requests,
      clearRequests: front.clearRequests,
      close: () => (closing ??= front.close().then(() => prism.close())),
    };
  } catch (error) {
    await prism.close();
    throw error;
  }
}
