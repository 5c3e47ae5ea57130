// The official signer's outputs (test/fixtures/signing-vectors.json), reproduced step by step by
// the canonicalization functions and end to end by the akskAuth middleware on the request the client
// really builds.
import { describe, expect, it } from 'vitest';
import { akskAuth } from '../../src/auth/aksk.js';
import {
  canonicalHeaders,
  canonicalQueryString,
  canonicalUri,
  sha256Hex,
  signRequest,
} from '../../src/auth/signing.js';
import { createResetOffsetClient } from '../../src/index.js';
import { SIGNING_VECTORS } from '../fixtures/signing-vectors.js';

const vectors = SIGNING_VECTORS;

/** The fixed X-Sdk-Date of a vector as a Date. */
function dateOf(sdkDate: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(sdkDate)!;
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

describe('signing vectors', () => {
  it('has all three vectors', () => {
    expect(vectors.map((v) => v.name)).toEqual([
      'basic-offset',
      'unicode-group-and-topic-max-safe-int',
      'query-string-get-list-instances',
    ]);
  });

  describe.each(vectors)('$name', (vector) => {
    const wireUrl = `${vector.input.endpoint}${vector.sdk_wire.path}`;
    const lines = vector.expected.canonical_request.split('\n');

    it('canonical URI, query string and headers match step by step', async () => {
      const url = new URL(wireUrl);
      expect(canonicalUri(url.pathname)).toBe(lines[1]);
      expect(canonicalQueryString(url.search)).toBe(lines[2]);
      const { block, signedHeaders } = canonicalHeaders(vector.input.signed_headers);
      expect(signedHeaders).toBe(vector.expected.signed_header_names);
      expect(vector.expected.canonical_request).toContain(`\n${block}\n${signedHeaders}\n`);
      expect(await sha256Hex(vector.input.body)).toBe(vector.expected.payload_sha256);
    });

    it('signRequest reproduces the canonical request, string to sign and Authorization', async () => {
      const signature = await signRequest(
        { accessKey: vector.input.ak, secretKey: vector.input.sk },
        { method: vector.input.method, url: wireUrl, headers: vector.input.signed_headers, body: vector.input.body },
      );
      expect(signature.canonicalRequest).toBe(vector.expected.canonical_request);
      expect(signature.stringToSign).toBe(vector.expected.string_to_sign);
      expect(signature.authorization).toBe(vector.expected.authorization);
    });

    it('the akskAuth middleware produces the same Authorization on the request as sent', async () => {
      const auth = akskAuth({
        accessKey: vector.input.ak,
        secretKey: vector.input.sk,
        now: () => dateOf(vector.input.x_sdk_date),
      });
      const init: RequestInit = { method: vector.input.method, headers: { 'Content-Type': 'application/json' } };
      if (vector.input.body !== '') init.body = vector.input.body;
      const request = new Request(wireUrl, init);
      const signed = (await auth.onRequest!({
        request,
        params: { path: vector.input.path_params },
        schemaPath: '',
        id: 'test',
        options: {} as never,
      })) as Request;
      expect(signed.headers.get('Authorization')).toBe(vector.expected.authorization);
      expect(signed.headers.get('X-Sdk-Date')).toBe(vector.input.x_sdk_date);
      expect(signed.headers.get('X-Project-Id')).toBe(vector.input.path_params['project_id']);
      expect(await signed.text()).toBe(vector.input.body);
    });
  });

  it.each(vectors.filter((v) => v.input.method === 'POST'))(
    'the client sends $name exactly as the official signer signed it',
    async (vector) => {
      const sent: Request[] = [];
      const client = createResetOffsetClient({
        endpoint: vector.input.endpoint,
        projectId: vector.input.path_params['project_id']!,
        auth: akskAuth({
          accessKey: vector.input.ak,
          secretKey: vector.input.sk,
          now: () => dateOf(vector.input.x_sdk_date),
        }),
        fetch: async (request) => {
          sent.push(request);
          return new Response(null, { status: 204 });
        },
      });
      await client.resetMessageOffset({
        instanceId: vector.input.path_params['instance_id']!,
        group: vector.input.path_params['group']!,
        body: JSON.parse(vector.input.body),
      });
      expect(sent).toHaveLength(1);
      const request = sent[0]!;
      expect(new URL(request.url).pathname).toBe(vector.sdk_wire.path);
      expect(await request.text()).toBe(vector.sdk_wire.body);
      expect(request.headers.get('Authorization')).toBe(vector.expected.authorization);
      expect(request.headers.get('Content-Type')).toBe('application/json');
    },
  );
});
