// Cold-start child for the 'raw-fetch' peer: the one call of bench/entries/raw-fetch.ts, plus the report to the bench.
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/raw-fetch.js';

await oneCall(createCall);
