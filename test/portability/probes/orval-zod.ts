import type { z } from 'zod';
import { resetMessageOffsetBody } from './out/zod.js';
import type { Probe } from './shape.js';

// orval's zod mode makes schemas and no types: the body type is the schema's.
export type Body = z.input<typeof resetMessageOffsetBody>;

export const probe = {
  validator: resetMessageOffsetBody,
  send: 'none (see orval (fetch client))',
} satisfies Probe<Body>;
