// What the suites share; import from here rather than from a neighbouring suite. (Modules that start
// something or need a project's setup are imported by path: consumer-project.ts, pack-tarball.ts.)
export * from './ids.js';
export { rejection } from './rejection.js';
export { packageFile, run, TSC, type RunOptions, type RunResult } from './run.js';
export { TEST_ENDPOINT, testClient } from './client.js';
export { codeBlocks, headingSection, introduction, markedSection } from './markdown.js';
export { CHROMIUM, chromiumMissing, describeInChromium } from './chromium.js';
export { apiLikeAnswer, MISSING_GROUP, startServer, type TestServer, type WireRequest } from './test-server.js';
export { operationUrl, postJson, postRaw, type PathParts, type RawAnswer } from './mock-http.js';
export { useMockServer } from './use-mock-server.js';
