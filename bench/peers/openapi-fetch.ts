// A reference, not a goal: the same call through openapi-fetch alone, with a middleware that sets the
// token, and nothing of this client (no checks, no deadline, no error mapping). It is the floor of any
// client built on openapi-fetch: how much of this client's per-call figure is openapi-fetch itself.
import createClient from 'openapi-fetch';
import type { paths } from '../../src/types.js';
import { BODY, FAKE_TOKEN, GROUP, INSTANCE_ID, PROJECT_ID } from '../call.js';
import type { CreateCall } from './peer.js';

export const createCall: CreateCall = (endpoint) => {
  const client = createClient<paths>({ baseUrl: endpoint });
  client.use({
    onRequest({ request }) {
      request.headers.set('X-Auth-Token', FAKE_TOKEN);
      return request;
    },
  });
  return async () => {
    const { response } = await client.POST(
      '/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset',
      {
        params: { path: { project_id: PROJECT_ID, instance_id: INSTANCE_ID, group: GROUP } },
        body: BODY,
      },
    );
    if (response.status !== 204) throw new Error(`openapi-fetch: HTTP ${response.status}`);
  };
};
