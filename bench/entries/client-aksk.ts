// One-call entry for the 'client-aksk' peer (bundle size and cold start).
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/client-aksk.js';

await oneCall(createCall);
