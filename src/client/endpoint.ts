// The endpoint is where credentials go, so it is checked once, up front: a typo must not send a token
// in clear text or to a path the caller did not mean.

// A URL's hostname is lowercase and an IPv4 address in it dotted-quad (the URL parser normalizes both).
const LOOPBACK = /^(localhost|127\.[\d.]+|\[::1\])$/;

/**
 * The base URL the operation's path is appended to: an https URL (http only for loopback hosts such
 * as a local mock, or with `allowInsecureHttp`), without credentials, query or fragment; a path
 * prefix is kept, trailing slashes dropped.
 */
export function baseUrl(endpoint: string, allowInsecureHttp: boolean): string {
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    /* reported below */
  }
  // The URL itself is never echoed: user info in it would be a credential.
  if (
    !url ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && (allowInsecureHttp || LOOPBACK.test(url.hostname)))) ||
    url.username ||
    url.password ||
    /[?#]/.test(endpoint)
  ) {
    throw new TypeError(
      'endpoint must be an https URL (http only to loopback, or with allowInsecureHttp) without user info, query or fragment',
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
