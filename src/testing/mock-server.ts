// startMockServer: Prism serving the bundled spec, behind a recording front.
import { documentedResponses, readBundledSpec, specOperation } from './bundled-spec.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_RECORDS, type MockServer, type MockServerOptions } from './mock-types.js';
import { startPrism } from './prism-server.js';
import { startRecordingFront } from './recording-front.js';

/** Prism's own body limit (10 MiB): a larger limit here would only get Prism's 413 instead of the mock's. */
const MAX_BODY_LIMIT = 10 * 1024 * 1024;

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`startMockServer: ${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}

function checkOptions(port: number, host: string, maxRecords: number, maxBodyBytes: number): void {
  checkInteger('port', port, 0, 65535);
  if (typeof host !== 'string' || host === '') throw new TypeError('startMockServer: host must be a non-empty string');
  checkInteger('maxRecords', maxRecords, 0, Number.MAX_SAFE_INTEGER);
  checkInteger('maxBodyBytes', maxBodyBytes, 1, MAX_BODY_LIMIT);
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
  const {
    port = 0,
    host = '127.0.0.1',
    onRequest,
    maxRecords = DEFAULT_MAX_RECORDS,
    maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  } = options;
  checkOptions(port, host, maxRecords, maxBodyBytes);
  const spec = await readBundledSpec();
  const operation = specOperation(spec);
  const documented = documentedResponses(spec);
  const prism = await startPrism(spec);
  try {
    const front = await startRecordingFront({
      host,
      port,
      upstream: prism.url,
      operation,
      documented,
      maxRecords,
      maxBodyBytes,
      ...(onRequest ? { onRecord: onRequest } : {}),
    });
    let closing: Promise<void> | undefined;
    return {
      ...front,
      close: () => (closing ??= front.close().then(() => prism.close())),
    };
  } catch (error) {
    await prism.close();
    throw error;
  }
}
