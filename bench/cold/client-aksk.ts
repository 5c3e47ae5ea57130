// Cold-start child for the 'client-aksk' peer: the one call of bench/entries/client-aksk.ts, plus the report to the bench.
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/client-aksk.js';

await oneCall(createCall);
