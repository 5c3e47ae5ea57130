// Test doubles for the client suites: an injected-fetch recorder (no network), JSON answers, the raw
// path segments of a request, and a token source that counts how often it was asked.
import { tokenAuth } from '../../src/index.js';
import { TOKEN } from '../support/index.js';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A fetch that records each request and answers from `respond` (default 204). */
export function recorder(
  respond: (request: SentRequest, n: number) => Response | Promise<Response> = () =>
    new Response(null, { status: 204 }),
) {
  const requests: SentRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const sent: SentRequest = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    };
    requests.push(sent);
    return respond(sent, requests.length);
  };
  return { fetch, requests };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** The path segments of a raw request target, split on '/' before any decoding. */
export function rawSegments(rawUrl: string): string[] {
  return rawUrl.split('?')[0]!.split('/');
}

/** Token auth that counts how often the token was asked for (0 proves nothing was about to be sent). */
export function countingTokenAuth() {
  let asked = 0;
  const auth = tokenAuth(() => {
    asked++;
    return TOKEN;
  });
  return { auth, asked: () => asked };
}
