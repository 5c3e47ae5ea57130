// A reference, not a goal: the same request through node:http with a keep-alive agent, by hand. The
// official SDK sends through axios over node:http, which in Node 20 costs far less per call than the
// platform's fetch (undici); this row shows how much of any per-call gap is fetch itself.
import { Agent, request } from 'node:http';
import { BODY, FAKE_TOKEN, callPath } from '../call.js';
import type { CreateCall } from './peer.js';

export const createCall: CreateCall = (endpoint) => {
  const url = endpoint + callPath();
  const agent = new Agent({ keepAlive: true });
  return () =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify(BODY);
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'X-Auth-Token': FAKE_TOKEN,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 204
              ? resolve()
              : reject(new Error(`node:http: HTTP ${String(response.statusCode)}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
};
