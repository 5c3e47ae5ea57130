// One-call entry for the 'raw-node-http' reference peer (bundle size and cold start).
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/raw-node-http.js';

await oneCall(createCall);
