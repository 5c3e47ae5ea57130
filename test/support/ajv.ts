// A fresh ajv (Ajv2020, strict, ajv-formats) compiled from the bundled spec at test time: an
// independent check of the precompiled validators in generated/.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { spec } from './spec.js';

const SCHEMA_ID = 'https://dms-kafka-reset-offset.invalid/test-schemas.json';

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({
  $id: SCHEMA_ID,
  $defs: JSON.parse(JSON.stringify(spec.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/')),
});

/** The ajv validator of one component schema, compiled from the spec itself. */
export function schemaValidator(name: string) {
  const validate = ajv.getSchema(`${SCHEMA_ID}#/$defs/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
}
