import { Api, type ResetMessageOffsetRequest } from './out/client.js';
import type { Probe } from './shape.js';

export type Body = ResetMessageOffsetRequest;

export const probe = {
  validator: 'none (types and a client only)',
  send: (baseUrl, path, body) =>
    new Api({ baseUrl }).v2.resetMessageOffset(path.project_id, path.instance_id, path.group, body),
} satisfies Probe<Body>;
