// dms-kafka-reset-offset/testing: the mock kit for consumers' contract tests. Node only; needs Prism
// (optional peer dependency) at run time. The package's root entry never imports this file.
export { startMockServer } from './mock-server.js';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_RECORDS,
  RECORDS_PATH,
  type MockServer,
  type MockServerOptions,
} from './mock-types.js';
export { MOCK_TAG_HEADER, recordedRequests } from './remote-records.js';
export type { RecordedKind, RecordedRequest } from './recorded-request.js';
export type { PathParams, ValidationResult, Violation } from '../validate.js';
