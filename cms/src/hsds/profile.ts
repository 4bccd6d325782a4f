/**
 * The directory's HSDS profile (HSDS 3.0 "Profiles"): JSON Merge Patch files (RFC 7386) over the
 * core schemas, kept in `cms/hsds/profile/`, served under the profile URI. The core schemas are
 * never copied into the project: they are read from `HSDS_SCHEMA_DIR` (default `../shared/hsds/3.0`
 * beside the repository) when a compiled profile schema is asked for, and by the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HSDS_TAXONOMIES, HSDS_VERSION, PROFILE_NAME, PROFILE_VERSION } from './vocab';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** `cms/` whether this runs from the sources (cms/src/hsds) or the build (cms/dist/src/hsds). */
export function cmsDir(): string {
  const fromSrc = path.resolve(__dirname, '..', '..');
  const fromDist = path.resolve(__dirname, '..', '..', '..');
  return fs.existsSync(path.join(fromSrc, 'hsds', 'profile')) ? fromSrc : fromDist;
}

export const profileDir = () => path.join(cmsDir(), 'hsds', 'profile');

/** The official HSDS 3.0 folder (holding `schema/`): `HSDS_SCHEMA_DIR`, else `../shared/hsds/3.0` beside the repository. */
export function hsdsSchemaDir(): string {
  return process.env.HSDS_SCHEMA_DIR || path.resolve(cmsDir(), '..', '..', 'shared', 'hsds', '3.0');
}

/** Why the core schemas cannot be used, or null when they can. */
export function hsdsSchemasMissing(): string | null {
  const dir = hsdsSchemaDir();
  return fs.existsSync(path.join(dir, 'schema', 'service.json'))
    ? null
    : `the official HSDS 3.0 schemas are not at ${dir} (set HSDS_SCHEMA_DIR to the folder holding schema/service.json)`;
}

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON Merge Patch. */
export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, Json> = isObject(target) ? structuredClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** The profile's patch files by schema file name (`service.json` → patch). */
let patches: Record<string, Json> | null = null;
export function profilePatches(): Record<string, Json> {
  if (patches) return patches;
  const dir = profileDir();
  const out: Record<string, Json> = {};
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    out[name] = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Json;
  }
  patches = out;
  return out;
}

/** The core schemas by file name (`service.json` → schema), from the HSDS folder. Throws when absent. */
export function coreSchemas(): Record<string, Json> {
  const missing = hsdsSchemasMissing();
  if (missing) throw new Error(missing);
  const dir = path.join(hsdsSchemaDir(), 'schema');
  const out: Record<string, Json> = {};
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'openapi.json')
    .sort()) {
    out[name] = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Json;
  }
  return out;
}

/** Core schemas with the profile merged in (the profile's "compiled" schemas). */
export function profileSchemas(core: Record<string, Json> = coreSchemas()): Record<string, Json> {
  const patches = profilePatches();
  const out: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(core)) out[name] = patches[name] ? mergePatch(schema, patches[name]!) : schema;
  return out;
}

/**
 * The base URL of the server: the origin a request came to (so `/`, the profile and the OpenAPI
 * document name the server actually answering, whatever PUBLIC_URL says; behind a proxy set
 * PROXY=true so Koa reads X-Forwarded-Proto/Host), else PUBLIC_URL (scripts such as the export).
 */
export function publicBaseUrl(origin?: string): string {
  return (origin || process.env.PUBLIC_URL || 'http://localhost:1337').replace(/\/+$/, '');
}
/** The profile URI: `HSDS_PROFILE_URI`, else `<origin>/api/hsds/profile`. */
export const profileUri = (origin?: string) => process.env.HSDS_PROFILE_URI || `${publicBaseUrl(origin)}/api/hsds/profile`;
export const openapiUrl = (origin?: string) => `${publicBaseUrl(origin)}/api/hsds/openapi.json`;

/**
 * What `GET /api/hsds/profile` answers: what the profile is, in both languages, and where its files are.
 * The layout is the one the HSDS Profiles reference describes under the profile's URI: the JSON
 * Merge Patch files under `<uri>/profile/`, the compiled schemas under `<uri>/schema/`.
 */
export function profileDescriptor(origin?: string): Record<string, unknown> {
  const uri = profileUri(origin);
  const base = `${publicBaseUrl(origin)}/api/hsds/profile`;
  const files = Object.keys(profilePatches());
  return {
    name: PROFILE_NAME,
    version: PROFILE_VERSION,
    hsds_version: HSDS_VERSION,
    uri,
    title: {
      en: 'Canadian referral directory for human-trafficking support: HSDS profile',
      fr: 'Répertoire canadien de référence en matière de traite des personnes : profil HSDS',
    },
    description: {
      en:
        'HSDS 3.0 with bilingual text (French in *_fr fields, or in the core fields with locale=fr or Accept-Language: fr), ' +
        'direct/indirect provider roles, timeframes, needs and ' +
        'indirect offerings, the date the hotline last verified each record (assured_date), and confidential sites given ' +
        'only by city and province (service_area of type confidential_site, never a location). Only organizations that ' +
        'are approved, active, published and consented to a public profile exist here; no internal field is ever emitted. ' +
        'Records that stop being public are listed, by id and date only, at /api/hsds/deleted.',
      fr:
        'HSDS 3.0 avec texte bilingue (le français dans les champs *_fr, ou dans les champs de base avec locale=fr ou ' +
        'Accept-Language: fr), le rôle de fournisseur direct ou indirect, les ' +
        'délais, les besoins et les offres indirectes, la date de la dernière vérification par la ligne d’urgence ' +
        '(assured_date), et les lieux confidentiels donnés par leur ville et leur province seulement (service_area de type ' +
        'confidential_site, jamais une location). Seuls les organismes approuvés, actifs, publiés et ayant consenti à un ' +
        'profil public existent ici ; aucun champ interne n’est jamais publié. Les fiches qui cessent d’être publiques ' +
        'sont listées, par identifiant et date seulement, à /api/hsds/deleted.',
    },
    modifications: Object.fromEntries(files.map((f) => [f, `${base}/profile/${f}`])),
    schemas: Object.fromEntries(files.map((f) => [f, `${base}/schema/${f}`])),
    taxonomies: HSDS_TAXONOMIES.map((t) => ({ name: t.name, title: t.labels, uri: `${uri}#taxonomy-${t.name}` })),
    identifiers: {
      en:
        'Ids are UUID version 5 names derived from the organization slug, stable across exports. ' +
        'organization_identifiers carries the slug (scheme "referral-directory", type "slug").',
      fr:
        'Les identifiants sont des UUID version 5 dérivés du slug de l’organisme, stables d’un export à l’autre. ' +
        'organization_identifiers porte le slug (schéma « referral-directory », type « slug »).',
    },
    openapi_url: openapiUrl(origin),
    documentation: 'cms/hsds/README.md',
  };
}

/** A profile file by name, or null. Names are matched against the folder listing, never joined blindly. */
export function profileFile(name: string): Json | null {
  return profilePatches()[name] ?? null;
}

/** A compiled profile schema by name, or null (unknown name, or the core schemas are not on this server). */
let compiled: Record<string, Json> | null = null;
export function compiledProfileSchema(name: string): Json | null {
  if (!compiled) {
    if (hsdsSchemasMissing()) return null;
    compiled = profileSchemas();
  }
  return compiled[name] ?? null;
}

/** The served OpenAPI description (`cms/hsds/openapi.json`), with this server's URL. */
export function openapiDocument(origin?: string): string {
  const text = fs.readFileSync(path.join(cmsDir(), 'hsds', 'openapi.json'), 'utf8');
  return text.replace(/https:\/\/directory\.example\.org/g, publicBaseUrl(origin));
}
