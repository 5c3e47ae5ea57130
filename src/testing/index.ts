// dms-kafka-reset-offset/testing: the mock kit for consumers' contract tests. Node only; needs Prism
// (optional peer dependency) at run time. The package's root entry never imports this file.
export { startMockServer, type MockServer, type MockServerOptions } from './mock-server.js';
export type { RecordedRequest } from './recorded-request.js';
export type { PathParams, ValidationResult, Violation } from '../validate.js';
