// The body a request was made with, kept on the request itself, so that AK/SK signing hashes the bytes
// that will be sent without teeing and reading the request's body stream (on Node, that stream work
// was most of what signing added to a call). The client has openapi-fetch build its requests with it.

/** A `Request` that remembers a string body (openapi-fetch's serialized JSON) as given. */
export class RequestWithBody extends Request {
  /** The body exactly as given to the constructor when it was a string; undefined otherwise. */
  readonly bodyText: string | undefined;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    this.bodyText = typeof init?.body === 'string' ? init.body : undefined;
  }
}

/** The bytes of `request`'s body ('' when it has none), without consuming it. */
export async function bodyOf(request: Request): Promise<string | Uint8Array<ArrayBuffer>> {
  if (request.body === null) return '';
  if (request instanceof RequestWithBody && request.bodyText !== undefined) return request.bodyText;
  return new Uint8Array(await request.clone().arrayBuffer());
}
