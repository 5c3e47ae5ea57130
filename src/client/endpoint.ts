// The endpoint is where credentials go, so it is checked once, up front: a typo must not send a token
// in clear text or to a path the caller did not mean.

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The base URL the operation's path is appended to: an https URL (http only for loopback hosts such
 * as a local mock, or with `allowInsecureHttp`), without credentials, query or fragment; a path
 * prefix is kept, trailing slashes dropped.
 */
export function baseUrl(endpoint: string, allowInsecureHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new TypeError('endpoint must be an absolute URL such as https://dms.eu-de.otc.t-systems.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('endpoint must be an https URL');
  if (url.protocol === 'http:' && !allowInsecureHttp && !LOOPBACK.test(url.hostname)) {
    throw new TypeError(
      `endpoint ${url.origin} is plain http: credentials would travel in clear text. Use https, or set allowInsecureHttp: true (e.g. for a mock in a private network)`,
    );
  }
  // The URL itself is not echoed: user info in it would be a credential.
  if (url.username || url.password) throw new TypeError('endpoint must not contain user info (user:password@)');
  if (url.search || url.hash || endpoint.includes('?') || endpoint.includes('#')) throw new TypeError('endpoint must not have a query or fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
