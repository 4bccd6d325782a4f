/**
 * Validation against the official HSDS 3.0 JSON Schemas (and the profile's compiled schemas): the
 * tests check the directory's output with it, and the import checks every record a file brings
 * before mapping it (so `name: 12345` or `last_modified: "yesterday"` is refused with its path).
 * ajv is a run-time dependency for that reason.
 *
 * The schema files reference each other by file name (`"$ref": "phone.json"`): each is added
 * under a base URI with its file name as `$id`, so the references resolve between them.
 */
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { coreSchemas, hsdsSchemasMissing, profileSchemas } from './profile';

export type Validate = (schemaFile: string, value: unknown) => string | null;
/** Every problem as a JSON path in the record (`organization.name`, `phones[0].number`) and a message. */
export type ValidateDetailed = (schemaFile: string, value: unknown) => Array<{ path: string; message: string }>;

function ajvOf(schemas: Record<string, unknown>, base: string): Ajv2020 {
  // strict: false, because the HSDS schemas carry their own keywords (name, constraints, core, datapackage_*).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema({ ...(schema as object), $id: `${base}${name}` });
  return ajv;
}

function validatorOf(schemas: Record<string, unknown>, base: string): Validate {
  const ajv = ajvOf(schemas, base);
  return (schemaFile, value) => {
    const fn = ajv.getSchema(`${base}${schemaFile}`);
    if (!fn) throw new Error(`no HSDS schema ${schemaFile}`);
    return fn(value) ? null : ajv.errorsText(fn.errors, { separator: '; ', dataVar: schemaFile.replace('.json', '') });
  };
}

/** `/organization/phones/0/number` → `organization.phones[0].number`. */
export function jsonPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, p) => (/^\d+$/.test(p) ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
}

function describe(e: ErrorObject): { path: string; message: string } {
  const base = jsonPath(e.instancePath);
  if (e.keyword === 'required') {
    const missing = String((e.params as { missingProperty?: unknown }).missingProperty ?? '');
    return { path: base ? `${base}.${missing}` : missing, message: 'is required by the HSDS 3.0 schema' };
  }
  if (e.keyword === 'format')
    return { path: base, message: `must be a valid ${String((e.params as { format?: unknown }).format)} (HSDS 3.0 schema)` };
  return { path: base, message: `${e.message ?? 'is not valid'} (HSDS 3.0 schema)` };
}

let detailed: ValidateDetailed | null = null;
/** The official schemas as a detailed validator, or the reason they are not available (built once). */
export function coreRecordValidator(): ValidateDetailed | { skip: string } {
  if (detailed) return detailed;
  const missing = hsdsSchemasMissing();
  if (missing) return { skip: missing };
  const base = 'https://hsds.invalid/core/';
  const ajv = ajvOf(coreSchemas(), base);
  detailed = (schemaFile, value) => {
    const fn = ajv.getSchema(`${base}${schemaFile}`);
    if (!fn) throw new Error(`no HSDS schema ${schemaFile}`);
    if (fn(value)) return [];
    const seen = new Set<string>();
    return (fn.errors ?? []).map(describe).filter((d) => {
      const k = `${d.path}|${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return detailed;
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
