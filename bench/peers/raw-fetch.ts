// The floor: the request built by hand with the platform's fetch, no types, no validation, no client.
import { BODY, FAKE_TOKEN, callPath } from '../call.js';
import type { CreateCall } from './peer.js';

export const createCall: CreateCall = (endpoint) => {
  const url = endpoint + callPath();
  return async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': FAKE_TOKEN },
      body: JSON.stringify(BODY),
    });
    if (response.status !== 204) throw new Error(`raw fetch: HTTP ${response.status}`);
  };
};
