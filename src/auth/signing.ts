// SDK-HMAC-SHA256, the API gateway's AK/SK signing scheme, for browsers and Node. Where
// process.getBuiltinModule gives node:crypto (Node >= 20.16), the hashes are computed synchronously
// with it; elsewhere (browsers) with Web Crypto, where each hash is an asynchronous round trip. The
// module is looked up at run time, never imported, so the package root has no node: import.
// Each step is its own function so that it can be checked against the official signer's intermediate
// values (test/fixtures/signing-vectors.json), with either engine.

export const ALGORITHM = 'SDK-HMAC-SHA256';

/** Hex SHA-256 and HMAC-SHA256, as one engine computes them. */
export interface HashEngine {
  readonly name: 'node:crypto' | 'Web Crypto';
  /** Hex SHA-256 of a string (UTF-8) or bytes. */
  sha256Hex(data: string | Uint8Array<ArrayBuffer>): string | Promise<string>;
  /** An HMAC-SHA256 signer keyed with `secret` (UTF-8): hex HMAC of a message (UTF-8). */
  hmacSha256Hex(secret: string): (message: string) => string | Promise<string>;
}

const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Web Crypto (browsers, and Node when node:crypto cannot be had). */
export const webCryptoEngine: HashEngine = {
  name: 'Web Crypto',
  async sha256Hex(data) {
    return hex(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? encoder.encode(data) : data));
  },
  hmacSha256Hex(secret) {
    // Imported on first use, then kept for every message this signer signs.
    let key: Promise<CryptoKey> | undefined;
    return async (message) => {
      key ??= crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ]);
      return hex(await crypto.subtle.sign('HMAC', await key, encoder.encode(message)));
    };
  },
};

/** The part of node:crypto the signer uses (typed here: the package's types do not need Node's). */
interface NodeCrypto {
  createHash(algorithm: 'sha256'): NodeDigest;
  createHmac(algorithm: 'sha256', key: string): NodeDigest;
}
interface NodeDigest {
  update(data: string | Uint8Array): NodeDigest;
  digest(encoding: 'hex'): string;
}
interface ProcessWithBuiltins {
  readonly getBuiltinModule?: ((id: 'node:crypto') => NodeCrypto | undefined) | undefined;
}

/** node:crypto through process.getBuiltinModule, or undefined where there is none (browsers, older Node). */
export function nodeCryptoEngine(): HashEngine | undefined {
  const builtins = (globalThis as { readonly process?: ProcessWithBuiltins }).process;
  const nodeCrypto = builtins?.getBuiltinModule?.('node:crypto');
  if (!nodeCrypto) return undefined;
  return {
    name: 'node:crypto',
    sha256Hex: (data) => nodeCrypto.createHash('sha256').update(data).digest('hex'),
    hmacSha256Hex: (secret) => (message) => nodeCrypto.createHmac('sha256', secret).update(message).digest('hex'),
  };
}

/** The engine for this platform: node:crypto where it can be had, else Web Crypto. */
export function signingEngine(): HashEngine {
  return nodeCryptoEngine() ?? webCryptoEngine;
}

/** RFC 3986 encoding: everything but the unreserved characters A-Z a-z 0-9 - . _ ~ is percent-encoded. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Percent-decoding that leaves a malformed escape as it is (the gateway sees the same bytes). */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The canonical URI: the path as sent, each segment percent-decoded then RFC 3986-encoded, ending in '/'.
 *
 * @example canonicalUri('/v2/p/groups/a%20b*') // '/v2/p/groups/a%20b%2A/'
 */
export function canonicalUri(pathname: string): string {
  const uri = pathname
    .split('/')
    .map((segment) => rfc3986(decode(segment)))
    .join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/**
 * The canonical query string: names and values percent-decoded then RFC 3986-encoded, pairs sorted by
 * name then value, joined by '&'. `search` is the query as sent, with or without its leading '?'.
 *
 * @example canonicalQueryString('?b=2&a=x%20y') // 'a=x%20y&b=2'
 */
export function canonicalQueryString(search: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return '';
  const pairs = query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq === -1 ? part : part.slice(0, eq);
      const value = eq === -1 ? '' : part.slice(eq + 1);
      return [rfc3986(decode(name)), rfc3986(decode(value))] as const;
    });
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Lowercase names, trimmed values, sorted by name: the canonical header block and the signed names. */
export function canonicalHeaders(headers: Readonly<Record<string, string>>): { block: string; signedHeaders: string } {
  const entries = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    block: entries.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders: entries.map(([name]) => name).join(';'),
  };
}

/** What is signed: the method, the URL as sent, the signed headers and the body's bytes. */
export interface SigningInput {
  readonly method: string;
  /** The full URL as sent (already percent-encoded, as a `Request`'s url is). */
  readonly url: string;
  /** The headers to sign (names in any case), including host and x-sdk-date. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array<ArrayBuffer>;
}

export interface Signature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly authorization: string;
}

/** The X-Sdk-Date value for a moment: `YYYYMMDDTHHMMSSZ` in UTC. */
export function sdkDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new TypeError('the signing date is invalid');
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Signs a request with SDK-HMAC-SHA256. `input.headers` must contain `x-sdk-date`. `credentials.secretKey`
 * is the secret itself or an HMAC signer made from it once (`engine.hmacSha256Hex(secretKey)`).
 *
 * @example
 * const { authorization } = await signRequest({ accessKey, secretKey }, { method: 'POST', url, headers, body });
 */
export async function signRequest(
  credentials: {
    readonly accessKey: string;
    readonly secretKey: string | ((message: string) => string | Promise<string>);
  },
  input: SigningInput,
  engine: HashEngine = signingEngine(),
): Promise<Signature> {
  const url = new URL(input.url);
  const { block, signedHeaders } = canonicalHeaders(input.headers);
  const date = Object.entries(input.headers).find(([name]) => name.toLowerCase() === 'x-sdk-date')?.[1];
  if (date === undefined) throw new TypeError('x-sdk-date must be among the signed headers');
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQueryString(url.search),
    block,
    signedHeaders,
    await engine.sha256Hex(input.body),
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${date.trim()}\n${await engine.sha256Hex(canonicalRequest)}`;
  const hmac =
    typeof credentials.secretKey === 'string' ? engine.hmacSha256Hex(credentials.secretKey) : credentials.secretKey;
  const signature = await hmac(stringToSign);
  return {
    canonicalRequest,
    stringToSign,
    signedHeaders,
    signature,
    authorization: `${ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
