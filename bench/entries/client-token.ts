// One-call entry for the 'client-token' peer, as a user would write it: set up, make the call once. Bundled for
// the size figures (and the size budgets); bench/cold/client-token.ts runs the same call in a cold-start child.
import { DEFAULT_ENDPOINT } from '../call.js';
import { createCall } from '../peers/client-token.js';

await createCall(DEFAULT_ENDPOINT)();
