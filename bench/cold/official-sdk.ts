// Cold-start child for the 'official-sdk' peer: the one call of bench/entries/official-sdk.ts, plus the report to the bench.
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/official-sdk.js';

await oneCall(createCall);
