// One-call entry for the 'official-sdk' peer (bundle size and cold start).
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/official-sdk.js';

await oneCall(createCall);
