// Cold-start child for the 'raw-node-http' peer: the one call of bench/entries/raw-node-http.ts, plus the report to the bench.
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/raw-node-http.js';

await oneCall(createCall);
