// One-call entry for the 'raw-fetch' peer (bundle size and cold start).
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/raw-fetch.js';

await oneCall(createCall);
