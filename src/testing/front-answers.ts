// The answers the recording front gives itself (problem+json, RFC 9457), and the CORS headers a
// browser needs to call the mock from a page.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders | OutgoingHttpHeaders;
  readonly body: Buffer;
}

/** A problem+json answer; `extra` members go beside type/title/status/detail. */
export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): Answer {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: Buffer.from(JSON.stringify({ type: 'about:blank', title, status, detail, ...extra })),
  };
}

/** Whether a request is a CORS preflight: OPTIONS with Origin and Access-Control-Request-Method. */
export function isPreflight(method: string, headers: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && !!headers['origin'] && !!headers['access-control-request-method'];
}

/** The answer to a preflight for the operation: any origin, the operation's method, the headers asked for. */
export function preflightAnswer(origin: string, method: string, requestedHeaders: string | undefined): Answer {
  return {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': method,
      // Echoed: the client's own headers (X-Auth-Token, X-Sdk-Date, Authorization, Prefer, ...).
      ...(requestedHeaders ? { 'access-control-allow-headers': requestedHeaders } : {}),
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    },
    body: Buffer.alloc(0),
  };
}

/** CORS headers for an answer to a cross-origin call: the page may read it, and its X-Request-Id. */
export function corsHeaders(origin: string | undefined): OutgoingHttpHeaders {
  if (!origin) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'X-Request-Id',
    vary: 'Origin',
  };
}
