// The mock's public shapes, in a module of their own so that the mock and its recording front both
// import them and neither imports the other.
import type { RecordedRequest } from './recorded-request.js';

/** The default of `maxRecords`: how many requests the mock keeps before it drops the oldest. */
export const DEFAULT_MAX_RECORDS = 10_000;
/** The default of `maxBodyBytes`: larger request bodies are answered 413 and never held in memory. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/**
 * Where the mock serves its own records as JSON (`GET`, `?tag=` filters on X-Mock-Tag), for tests in
 * another process than the mock's; such requests are not recorded themselves.
 */
export const RECORDS_PATH = '/__mock/requests';

export interface MockServerOptions {
  /** Port to listen on; 0 (the default) picks a free one, so several mocks can run at once. */
  readonly port?: number;
  /** Interface to listen on; default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** Called with each request once the mock has answered it (the CLI prints them). */
  readonly onRequest?: (request: RecordedRequest) => void;
  /**
   * How many requests the log keeps (default 10,000); beyond that the oldest are dropped and counted
   * by `droppedRequests()`, so a long-running mock's memory stays bounded.
   */
  readonly maxRecords?: number;
  /**
   * The largest request body the mock reads, in bytes (default 16 KiB, at most 10 MiB). A larger
   * body is answered 413 as soon as its size is known, and only recorded as too large.
   */
  readonly maxBodyBytes?: number;
}

export interface MockServer {
  /** Base URL to give the client, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly port: number;
  /** What the mock received so far, in arrival order (copies: mutating them changes nothing). */
  requests(): RecordedRequest[];
  /** Forgets the requests received so far (e.g. in a beforeEach when one mock serves a whole file). */
  clearRequests(): void;
  /** How many of the oldest requests were dropped to stay within `maxRecords` since the last clear. */
  droppedRequests(): number;
  /** Stops listening and closes every connection; nothing is left to keep the process alive. */
  close(): Promise<void>;
}
