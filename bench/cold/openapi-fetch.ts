// Cold-start child for the 'openapi-fetch' peer: the one call of bench/entries/openapi-fetch.ts, plus the report to the bench.
import { oneCall } from '../one-call.js';
import { createCall } from '../peers/openapi-fetch.js';

await oneCall(createCall);
