// The four peers of the bench, plus two reference rows, in table order. Each is set up in-process for
// the per-call figures, and its one call is bundled for the size figures and run in a fresh process
// for the cold start (both entries generated in code: main.ts and run.mjs).
import { createCall as clientAksk } from './client-aksk.js';
import { createCall as clientToken } from './client-token.js';
import { createCall as officialSdk } from './official-sdk.js';
import { createCall as openapiFetch } from './openapi-fetch.js';
import type { CreateCall } from './peer.js';
import { createCall as rawFetch } from './raw-fetch.js';
import { createCall as rawNodeHttp } from './raw-node-http.js';

export type PeerId = 'raw-fetch' | 'client-token' | 'client-aksk' | 'official-sdk' | 'openapi-fetch' | 'raw-node-http';

export interface Peer {
  readonly id: PeerId;
  readonly label: string;
  /** How the request is authenticated; the bench checks the matching header on the captured request. */
  readonly auth: 'token' | 'aksk';
  readonly createCall: CreateCall;
  /** A reference row that explains other figures; no goal is judged on it. */
  readonly reference?: true;
}

export const PEERS: readonly Peer[] = [
  { id: 'raw-fetch', label: 'raw fetch (floor, token)', auth: 'token', createCall: rawFetch },
  { id: 'client-token', label: 'this client, token + validation', auth: 'token', createCall: clientToken },
  { id: 'client-aksk', label: 'this client, AK/SK + validation', auth: 'aksk', createCall: clientAksk },
  { id: 'official-sdk', label: 'official SDK (AK/SK)', auth: 'aksk', createCall: officialSdk },
  {
    id: 'openapi-fetch',
    label: 'openapi-fetch alone (reference, token)',
    auth: 'token',
    createCall: openapiFetch,
    reference: true,
  },
  {
    id: 'raw-node-http',
    label: 'raw node:http (reference, token)',
    auth: 'token',
    createCall: rawNodeHttp,
    reference: true,
  },
];

/** The floor every ratio is taken against. */
export const FLOOR: PeerId = 'raw-fetch';
