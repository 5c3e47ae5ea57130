// What every benchmarked peer provides: a factory that sets the peer up once (client, credentials)
// and returns the call to time, exactly as a user of that peer would write it.

/** Sends the benchmark's one request and resolves when the 204 has arrived; throws otherwise. */
export type Call = () => Promise<void>;

/** Sets a peer up against `endpoint` (`http://127.0.0.1:<port>` in the bench). */
export type CreateCall = (endpoint: string) => Call;
