import type { z } from 'zod';
import { createApiClient, schemas } from './out/client.js';
import type { Probe } from './shape.js';

export type Body = z.input<typeof schemas.ResetMessageOffsetRequest>;

export const probe = {
  validator: schemas.ResetMessageOffsetRequest,
  send: (baseUrl, path, body) => createApiClient(baseUrl).resetMessageOffset(body, { params: path }),
} satisfies Probe<Body>;
