import { describe, expect, it } from 'vitest';
import { validateErrorBody } from '../../src/validate.js';
import { schemaValidator } from '../support/ajv.js';
import { operation, responseExamples } from '../support/spec.js';

const errorSchema = schemaValidator('ErrorBody');

describe('responses', () => {
  it('documents 204 and the error statuses 400, 401, 403, 404, 500', () => {
    expect(Object.keys(operation.responses).sort()).toEqual(['204', '400', '401', '403', '404', '500']);
  });

  const errors = responseExamples.filter((r) => r.status !== '204');
  it.each(errors)('$status has named examples that are valid Error bodies with real codes', ({ status, examples }) => {
    expect(examples.length).toBeGreaterThan(0);
    for (const { name, value } of examples) {
      expect(errorSchema(value), name).toBe(true);
      expect(validateErrorBody(value), name).toEqual({ valid: true });
      expect((value as { error_code: string }).error_code).toMatch(/^(DMS\.\d{8}|APIGW\.\d{4})$/);
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
