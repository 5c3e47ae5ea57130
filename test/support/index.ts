// What the suites share; import from here rather than from a neighbouring suite.
export * from './ids.js';
export { rejection } from './rejection.js';
export { packageFile, runNode, type RunResult } from './run.js';
