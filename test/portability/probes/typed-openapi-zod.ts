import { ResetMessageOffsetRequest } from './out/zod.js';
import type { Probe } from './shape.js';

export type Body = ResetMessageOffsetRequest;

export const probe = {
  validator: ResetMessageOffsetRequest,
  send: 'none (see typed-openapi (types and client))',
} satisfies Probe<Body>;
