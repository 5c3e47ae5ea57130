import { describe, expect, it } from 'vitest';
import { redactHeader, SECRET_HEADERS } from '../../src/testing/redact.js';

describe('redactHeader', () => {
  it.each([...SECRET_HEADERS])('replaces the value of %s', (name) => {
    expect(redactHeader(name, 'MIIsecret0123')).toBe('[REDACTED]');
  });

  it('keeps a known Authorization scheme word and nothing else', () => {
    expect(redactHeader('authorization', 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=ab12')).toBe(
      'SDK-HMAC-SHA256 [REDACTED]',
    );
    expect(redactHeader('authorization', 'Bearer eyJhbGciOi')).toBe('Bearer [REDACTED]');
    expect(redactHeader('proxy-authorization', 'Basic dXNlcjpwYXNz')).toBe('Basic [REDACTED]');
  });

  it('keeps no part of an Authorization value without a known scheme', () => {
    expect(redactHeader('authorization', 'secret-part-one secret-part-two')).toBe('[REDACTED]');
    expect(redactHeader('authorization', 'justasecret')).toBe('[REDACTED]');
    expect(redactHeader('x-auth-token', 'Bearer looks-like-a-scheme')).toBe('[REDACTED]');
  });

  it('leaves other headers alone', () => {
    expect(redactHeader('content-type', 'application/json')).toBe('application/json');
    expect(redactHeader('x-project-id', 'a4a5d4098fb4474fa22cd05f897d6b99')).toBe('a4a5d4098fb4474fa22cd05f897d6b99');
  });
});
