// What each generator's probe (probes/<generator>.ts) exports, checked by `satisfies Probe<Body>` there.
// A probe is copied next to the generator's output (./out/), checks.ts and this file, and compiled with them.

/** The path parameters, as on the wire. */
export interface PathParams {
  project_id: string;
  instance_id: string;
  group: string;
}

export interface Probe<Body> {
  /** The generator's request body validator, or why it has none. */
  validator: { safeParse(value: unknown): { success: boolean } } | string;
  /** One call through the generated client to `baseUrl`, or why it cannot be made. */
  send: ((baseUrl: string, path: PathParams, body: Body) => Promise<unknown>) | string;
}
