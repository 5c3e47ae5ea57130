import { createApiClient, type Fetcher, type Schemas } from './out/client.js';
import type { Probe } from './shape.js';

export type Body = Schemas.ResetMessageOffsetRequest;

// typed-openapi leaves the transport to the caller; the generated client builds the URL.
const fetcher: Fetcher = {
  fetch: ({ method, url, parameters }) =>
    fetch(url, {
      method: method.toUpperCase(),
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(parameters?.body),
    }),
};

export const probe = {
  validator: 'none (see typed-openapi (zod, --schemas-only))',
  send: (baseUrl, path, body) =>
    createApiClient(fetcher, baseUrl).post(
      '/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset',
      { path, body },
    ),
} satisfies Probe<Body>;
