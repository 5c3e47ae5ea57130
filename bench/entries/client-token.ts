// One-call entry for the 'client-token' peer (bundle size and cold start).
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/client-token.js';

await oneCall(createCall);
