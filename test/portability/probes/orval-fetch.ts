import { resetMessageOffset, type ResetMessageOffsetRequest } from './out/client.js';
import type { Probe } from './shape.js';

export type Body = ResetMessageOffsetRequest;

export const probe = {
  validator: 'none (see orval (zod))',
  // The generated function fetches a path relative to the page, as a browser would resolve it.
  send: async (baseUrl, path, body) => {
    const pageFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => pageFetch(new URL(String(input), baseUrl), init);
    try {
      return await resetMessageOffset(path.project_id, path.instance_id, path.group, body);
    } finally {
      globalThis.fetch = pageFetch;
    }
  },
} satisfies Probe<Body>;
