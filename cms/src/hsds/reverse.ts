/**
 * HSDS JSON → import records: the reverse of mapper.ts, tolerant of HSDS from other tools.
 *
 * Reads services and organizations — fully nested (the export's `json/services.json`, `/services/{id}`,
 * `?full=true`, ndjson) or as API lists (`{ contents: [...] }`) — one, an array, a page or ndjson.
 * A document is recognised by its shape: taxonomies, terms, locations… are refused by name. Every
 * document is first validated against the official HSDS 3.0 schema (a bad value is refused with
 * its JSON path). The directory keeps one service per organization: an organization with several
 * different services, or a service under two organizations, is refused. Profile fields are read
 * when present; what a foreign file lacks is defaulted with a warning (the import writes drafts
 * that editors review), never silently; what a list-shaped record does not describe at all (its
 * phones, sites…) is left as it is on a record already here.
 */
import { emptyDefinitions, type ParsedFile, type ParsedRecord } from './record';
import { recordOf, type Group, type KnownTermIds } from './reverse-record';
import { isObj, list, str, type Obj } from './reverse-values';
import { refusalOf, shapeOf, type HsdsShape } from './shapes';
import { coreRecordValidator } from './validation';

/** Splits the input text into documents (JSON array, page, single object, or NDJSON). */
export function documentsOfText(text: string): { documents: unknown[]; problem: string | null } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { documents: [], problem: 'the file is empty' };
  try {
    const doc: unknown = JSON.parse(trimmed);
    if (Array.isArray(doc)) return { documents: doc, problem: null };
    if (isObj(doc) && Array.isArray(doc.contents)) return { documents: doc.contents, problem: null };
    if (isObj(doc)) return { documents: [doc], problem: null };
    return { documents: [], problem: 'expected HSDS services or organizations: an array, a page with contents, or one record' };
  } catch (e) {
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length > 1) {
      const out: unknown[] = [];
      for (const [i, l] of lines.entries()) {
        try {
          out.push(JSON.parse(l));
        } catch {
          return { documents: [], problem: `line ${i + 1} is not JSON (expected one HSDS record per line)` };
        }
      }
      return { documents: out, problem: null };
    }
    return { documents: [], problem: `not JSON: ${(e as Error).message}` };
  }
}

/** Checks a document against its official schema; without the schemas, the checks the mapping relies on. */
function schemaProblems(doc: Obj, shape: 'service' | 'organization'): Array<{ path: string; message: string }> {
  const validate = coreRecordValidator();
  if (!('skip' in validate)) return validate(`${shape}.json`, doc);
  const out: Array<{ path: string; message: string }> = [];
  const check = (o: Obj, prefix: string) => {
    for (const k of ['name', 'description', 'alternate_name', 'email', 'url', 'website']) {
      if (k in o && typeof o[k] !== 'string') out.push({ path: `${prefix}${k}`, message: 'must be string' });
    }
    if (
      'last_modified' in o &&
      (typeof o.last_modified !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(o.last_modified) ||
        Number.isNaN(Date.parse(o.last_modified)))
    ) {
      out.push({ path: `${prefix}last_modified`, message: 'must be a valid date-time' });
    }
    if ('assured_date' in o && (typeof o.assured_date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(o.assured_date)))
      out.push({ path: `${prefix}assured_date`, message: 'must be a valid date' });
  };
  check(doc, '');
  if (isObj(doc.organization)) check(doc.organization, 'organization.');
  return out;
}

/** A document that is neither an organization nor a service, refused by what it is. */
function refusedDocument(row: number, shape: HsdsShape): ParsedRecord {
  const what = refusalOf(shape)
    .replace(/^the file (holds|is) /, '')
    .replace(/:.*$/s, '');
  return {
    row,
    record: null,
    problems: [{ row, column: '', message: `is ${what}: only organizations and services are imported` }],
    warnings: [],
    columnOf: (f) => f,
  };
}

/**
 * Adds a document's services to its organization's group. `serviceOwner` (service id → group)
 * refuses a service listed under two organizations and reads a repeated one once.
 */
function addServices(g: Group, services: Obj[], row: number, serviceOwner: Map<string, Group>): void {
  for (const s of services) {
    const id = str(s.id)?.toLowerCase();
    const owner = id ? serviceOwner.get(id) : undefined;
    if (owner && owner !== g) {
      const message = `service ${id} is also listed under another organization (record ${owner.row}): a service belongs to one organization`;
      g.problems.push({ row, column: 'organization_id', message });
      owner.problems.push({
        row: owner.row,
        column: 'organization_id',
        message: `service ${id} is also listed under another organization (record ${row})`,
      });
      continue;
    }
    if (id && owner === g) {
      g.warnings.push({ row, column: 'id', message: `repeats service ${id} of record ${g.row}: read once` });
      continue;
    }
    if (id) serviceOwner.set(id, g);
    // An organization-only placeholder gives way to a real service.
    if (g.services.length === 1 && Object.keys(g.services[0]!.s).length === 0) g.services = [];
    g.services.push({ s, row });
  }
}

/** The directory keeps one service per organization: several different ones are a problem of the group. */
function checkOneService(g: Group): void {
  const ids = g.services.map(({ s }) => str(s.id)).filter((x): x is string => !!x);
  if (ids.length <= 1) return;
  g.problems.push({
    row: g.row,
    column: 'services',
    message:
      `the organization has ${ids.length} different services (records ${[...new Set(g.services.map((x) => x.row))].join(', ')}); ` +
      'the directory keeps one service per organization: merge them into one service before importing',
  });
}

/**
 * Parses HSDS documents (already read from JSON or from a tabular package): services and
 * organizations become records; anything else is refused by name. `label(i)` says where document
 * i came from, for the report (record number, or `services.csv row 3`).
 */
export function parseHsdsDocuments(
  documents: unknown[],
  knownTermIds: KnownTermIds = new Map(),
  format: ParsedFile['format'] = 'hsds-json',
): ParsedFile {
  const definitions = emptyDefinitions();
  const records: ParsedRecord[] = [];
  const shapes = documents.map(shapeOf);
  const importable = (x: HsdsShape) => x === 'service' || x === 'organization';
  // A file of nothing importable is refused as a whole, saying what it holds.
  if (documents.length > 0 && !shapes.some(importable)) {
    const counts = new Map<HsdsShape, number>();
    for (const x of shapes) counts.set(x, (counts.get(x) ?? 0) + 1);
    const [main] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    return { format, records: [], fileProblems: [{ row: 0, column: '', message: refusalOf(main, documents.length) }], definitions };
  }
  const groups = new Map<string, Group>();
  const serviceOwner = new Map<string, Group>();
  documents.forEach((doc, i) => {
    const row = i + 1;
    const shape = shapes[i]!;
    if (!isObj(doc) || !importable(shape)) {
      records.push(refusedDocument(row, shape));
      return;
    }
    const problems = schemaProblems(doc, shape as 'service' | 'organization')
      .slice(0, 20)
      .map((x) => ({ row, column: x.path, message: x.message }));
    const org = shape === 'organization' ? doc : isObj(doc.organization) ? doc.organization : null;
    const services = shape === 'organization' ? list(doc.services) : [doc];
    const key = (str(org?.id) ?? str(services[0]?.organization_id) ?? str(services[0]?.id) ?? `row:${row}`).toLowerCase();
    let g = groups.get(key);
    if (!g) {
      g = { row, org, services: [], problems: [], warnings: [] };
      groups.set(key, g);
    } else if (!g.org && org) {
      g.org = org;
    }
    g.problems.push(...problems);
    if (services.length === 0 && g.services.length === 0) g.services.push({ s: {}, row });
    addServices(g, services, row, serviceOwner);
  });
  for (const g of groups.values()) {
    checkOneService(g);
    if (g.services.length === 0) g.services.push({ s: {}, row: g.row });
    records.push(recordOf(g, knownTermIds, definitions));
  }
  records.sort((a, b) => a.row - b.row);
  return { format, records, fileProblems: [], definitions };
}

/**
 * Parses HSDS JSON text. `knownTermIds` maps the HSDS ids of terms the directory already has
 * (its own deterministic ids) to their codes, for files that link terms by id only.
 */
export function parseHsdsJson(text: string, knownTermIds: KnownTermIds = new Map()): ParsedFile {
  const { documents, problem } = documentsOfText(text);
  if (problem)
    return { format: 'hsds-json', records: [], fileProblems: [{ row: 0, column: '', message: problem }], definitions: emptyDefinitions() };
  return parseHsdsDocuments(documents, knownTermIds);
}
