import { describe, expect, it } from 'vitest';
import { validateResetMessageOffsetRequestSchema } from '../../generated/validators.js';
import { isResetRequest, validateResetRequest } from '../../src/validate.js';
import { BODY_CASES } from '../fixtures/request-bodies.js';
import { schemaValidator } from '../support/ajv.js';
import { requestExamples } from '../support/spec.js';

const fromSpec = schemaValidator('ResetMessageOffsetRequest');

describe('request body schema (ResetMessageOffsetRequest)', () => {
  it('has the four named examples', () => {
    expect(requestExamples.map((e) => e.name).sort()).toEqual([
      'ResetMessageOffsetAllPartitionsToEarliest',
      'ResetMessageOffsetAllPartitionsToPointInTime',
      'ResetMessageOffsetToOffset',
      'ResetMessageOffsetToTimestamp',
    ]);
  });

  it.each(requestExamples)('accepts named example $name', ({ value }) => {
    expect(fromSpec(value), JSON.stringify(fromSpec.errors)).toBe(true);
    expect(validateResetMessageOffsetRequestSchema(value)).toBe(true);
    expect(validateResetRequest(value)).toEqual({ valid: true });
  });

  it.each(BODY_CASES)('$name: valid=$valid ($reason)', ({ body, valid }) => {
    // Ajv2020 strict with ajv-formats, compiled from the spec now ...
    expect(fromSpec(body)).toBe(valid);
    // ... and the precompiled validator that ships, and its wrapper, agree.
    expect(validateResetMessageOffsetRequestSchema(body)).toBe(valid);
    expect(isResetRequest(body)).toBe(valid);
    const result = validateResetRequest(body);
    expect(result.valid).toBe(valid);
    if (!result.valid) {
      expect(result.errors.length).toBeGreaterThan(0);
      for (const error of result.errors) {
        expect(error.path).toMatch(/^(\/[^/]*)*$/);
        expect(error.message).not.toBe('');
      }
    }
  });

  it.each([
    ['NaN offset', { topic: 'orders', message_offset: Number.NaN }],
    ['Infinity offset', { topic: 'orders', message_offset: Number.POSITIVE_INFINITY }],
    ['bigint offset', { topic: 'orders', message_offset: 10n }],
    ['undefined topic', { topic: undefined, timestamp: 1 }],
    ['undefined body', undefined],
  ])('rejects a JavaScript-only value: %s', (_name, body) => {
    expect(fromSpec(body)).toBe(false);
    expect(validateResetRequest(body).valid).toBe(false);
  });

  it("names the rule a caller broke, not ajv's branch noise", () => {
    expect(validateResetRequest({ topic: 'orders', message_offset: 1, timestamp: 2 })).toEqual({
      valid: false,
      errors: [{ path: '', message: 'must have exactly one of message_offset and timestamp, not both' }],
    });
    expect(validateResetRequest({ topic: 'orders' })).toEqual({
      valid: false,
      errors: [{ path: '', message: 'must have exactly one of message_offset and timestamp' }],
    });
    expect(validateResetRequest({ topic: '', partition: -2, timestamp: 1.5 })).toEqual({
      valid: false,
      errors: [
        { path: '/topic', message: 'must NOT have fewer than 1 characters' },
        { path: '/partition', message: 'must be >= -1' },
        { path: '/timestamp', message: 'must be integer' },
      ],
    });
    expect(validateResetRequest({ topic: 'orders', message_offset: 1, dry_run: true })).toEqual({
      valid: false,
      errors: [{ path: '/dry_run', message: 'is not a property of this request' }],
    });
    expect(validateResetRequest(null)).toEqual({
      valid: false,
      errors: [{ path: '', message: 'must be a JSON object' }],
    });
  });
});
