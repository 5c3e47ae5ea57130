// The package root: the client, its auth middleware, the body builders, the errors, the validators
// and the public types. ESM only. Everything here runs in Node >= 20.19 and in browsers (no node:
// imports); each auth scheme is its own module, so a bundle keeps only the one it uses, and retries
// (retryPolicy) are only in a bundle that asks for them.
export {
  createResetOffsetClient,
  type ResetMessageOffsetParams,
  type ResetOffsetClient,
  type ResetOffsetClientOptions,
} from './client/create-client.js';
export type { FetchLike } from './client/fetch-guard.js';
export { MAX_RESPONSE_BODY_BYTES } from './client/read-body.js';
export { retryPolicy, type AttemptFailure, type RetryOptions, type RetryPolicy } from './client/retry.js';
export { tokenAuth, type TokenSource } from './auth/token.js';
export { akskAuth, type AkskCredentials } from './auth/aksk.js';
export {
  byDuration,
  LATEST_OFFSET,
  toDatetime,
  toEarliest,
  toLatest,
  toOffset,
  type BuilderOptions,
} from './builders/reset-bodies.js';
export {
  AbortError,
  CredentialError,
  DmsResetOffsetError,
  NetworkError,
  RequestValidationError,
  ResetOffsetError,
  TimeoutError,
  type RequestViolation,
  type ResetOffsetErrorDetails,
  type ViolationLocation,
} from './errors.js';
export {
  isResetRequest,
  validateErrorBody,
  validatePathParams,
  validateResetRequest,
  type PathParams,
  type ValidationResult,
  type Violation,
} from './validate.js';
export type {
  components,
  ErrorBody,
  operations,
  paths,
  ResetByOffset,
  ResetByTimestamp,
  ResetMessageOffsetRequest,
} from './types.js';
