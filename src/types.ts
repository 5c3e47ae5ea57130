// Public names for the generated schema types; the wire field names (message_offset, ...) are kept.
import type { components, operations, paths } from '../generated/schema.js';

export type { components, operations, paths };
/** The request body: exactly one of `message_offset` and `timestamp`. */
export type ResetMessageOffsetRequest = components['schemas']['ResetMessageOffsetRequest'];
export type ResetByOffset = components['schemas']['ResetByOffset'];
export type ResetByTimestamp = components['schemas']['ResetByTimestamp'];
/** The error body of the service and the API gateway. */
export type ErrorBody = components['schemas']['ErrorBody'];
