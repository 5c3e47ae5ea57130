import { describe, expect, it } from 'vitest';
import { validateErrorBody } from '../../src/validate.js';
import { schemaValidator } from '../support/ajv.js';
import { operation, responseExamples } from '../support/spec.js';

const errorSchema = schemaValidator('ErrorBody');

describe('responses', () => {
  it('documents 204, the error statuses 400, 401, 403, 404, 500 and the transient 429, 502, 503, 504', () => {
    expect(Object.keys(operation.responses).sort()).toEqual([
      '204',
      '400',
      '401',
      '403',
      '404',
      '429',
      '500',
      '502',
      '503',
      '504',
    ]);
  });

  const errors = responseExamples.filter((r) => r.status !== '204');
  it.each(errors)('$status has named examples that are valid Error bodies with real codes', ({ status, examples }) => {
    expect(examples.length).toBeGreaterThan(0);
    for (const { name, value } of examples) {
      expect(errorSchema(value), name).toBe(true);
      expect(validateErrorBody(value), name).toEqual({ valid: true });
      // DMS codes have 8 digits, a few 9 (DMS.111501025, the service's one 503 in its error-code table).
      expect((value as { error_code: string }).error_code).toMatch(/^(DMS\.\d{8,9}|APIGW\.\d{4})$/);
    }
  });

  it('Error allows extra properties but requires string error_code and error_msg', () => {
    expect(validateErrorBody({ error_code: 'X', error_msg: 'y', request_id: 'r', extra: 1 }).valid).toBe(true);
    expect(validateErrorBody({ error_code: 'X' })).toEqual({
      valid: false,
      errors: [{ path: '', message: "must have required property 'error_msg'" }],
    });
    expect(validateErrorBody({ error_code: 1, error_msg: 'y' }).valid).toBe(false);
    expect(validateErrorBody('Bad Gateway').valid).toBe(false);
  });
});
