import { createClient } from './out/client/index.js';
import { resetMessageOffset } from './out/sdk.gen.js';
import type { ResetMessageOffsetRequest } from './out/types.gen.js';
import { zResetMessageOffsetRequest } from './out/zod.gen.js';
import type { Probe } from './shape.js';

export type Body = ResetMessageOffsetRequest;

export const probe = {
  validator: zResetMessageOffsetRequest,
  send: (baseUrl, path, body) => resetMessageOffset({ client: createClient({ baseUrl }), path, body }),
} satisfies Probe<Body>;
