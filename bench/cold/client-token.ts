// Cold-start child for the 'client-token' peer: the one call of bench/entries/client-token.ts, plus the report to the bench.
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/client-token.js';

await oneCall(createCall);
