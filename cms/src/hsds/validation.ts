/**
 * Validation of HSDS output against the official HSDS 3.0 JSON Schemas (and the profile's compiled
 * schemas), for the tests. Uses ajv (a dev dependency): nothing at run time imports this module.
 *
 * The schema files reference each other by file name (`"$ref": "phone.json"`): each is added
 * under a base URI with its file name as `$id`, so the references resolve between them.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { coreSchemas, hsdsSchemasMissing, profileSchemas } from './profile';

export type Validate = (schemaFile: string, value: unknown) => string | null;

function validatorOf(schemas: Record<string, unknown>, base: string): Validate {
  // strict: false, because the HSDS schemas carry their own keywords (name, constraints, core, datapackage_*).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema({ ...(schema as object), $id: `${base}${name}` });
  return (schemaFile, value) => {
    const fn = ajv.getSchema(`${base}${schemaFile}`);
    if (!fn) throw new Error(`no HSDS schema ${schemaFile}`);
    return fn(value) ? null : ajv.errorsText(fn.errors, { separator: '; ', dataVar: schemaFile.replace('.json', '') });
  };
}

export interface HsdsValidators {
  /** Against the official HSDS 3.0 schemas. */
  core: Validate;
  /** Against the official schemas with the directory's profile merged in. */
  profile: Validate;
}

/** Both validators, or the reason they cannot be built (the core schemas are absent). */
export function hsdsValidators(): HsdsValidators | { skip: string } {
  const missing = hsdsSchemasMissing();
  if (missing) return { skip: missing };
  const core = coreSchemas();
  return {
    core: validatorOf(core, 'https://hsds.invalid/core/'),
    profile: validatorOf(profileSchemas(core), 'https://hsds.invalid/profile/'),
  };
}
