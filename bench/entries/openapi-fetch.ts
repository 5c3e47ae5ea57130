// One-call entry for the 'openapi-fetch' peer, as a user would write it: set up, make the call once. Bundled for
// the size figures; bench/cold/openapi-fetch.ts runs the same call in a cold-start child.
import { DEFAULT_ENDPOINT } from '../call.js';
import { createCall } from '../peers/openapi-fetch.js';

await createCall(DEFAULT_ENDPOINT)();
