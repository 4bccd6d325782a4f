/**
 * An editor's writes through the admin API, as the benchmarks make them (`npm run cluster`,
 * `npm run bench:edits-http`): log in, rename a record and publish it, and read it back from the
 * public directory. The servers are the compiled app on a throwaway database.
 */
import { percentile } from './bench-load';
import { isRecord } from '../../src/workflow/values';
import { ORGANIZATION as ORG, SERVICE_CATEGORY } from '../../src/content-types';
import organizationSchema from '../../src/api/organization/content-types/organization/schema.json';

export const CM = '/content-manager/collection-types';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const msRounded = (n: number) => `${Math.round(n)} ms`;

export interface AdminAccount {
  email: string;
  password: string;
}

/** An admin session on `base`: its JWT. */
export async function login(base: string, account: AdminAccount): Promise<string> {
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (res.status !== 200) throw new Error(`admin login on ${base}: HTTP ${res.status} ${await res.text()}`);
  const body: unknown = await res.json();
  const token = isRecord(body) && isRecord(body.data) ? body.data.token : undefined;
  if (typeof token !== 'string') throw new Error('admin login answered without a token');
  return token;
}

/** An admin API request on `base` with the editor's token; throws on an answer other than 2xx. */
async function adminRequest(base: string, token: string, method: string, pathname: string, body?: unknown): Promise<Response> {
  const res = await fetch(`${base}${pathname}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${pathname} on ${base}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

export async function adminCall(base: string, token: string, method: string, pathname: string, body: unknown): Promise<void> {
  await (await adminRequest(base, token, method, pathname, body)).arrayBuffer();
}

/** The body of an admin API read (GET) on `base`, parsed. */
async function adminRead(base: string, token: string, pathname: string): Promise<unknown> {
  return (await adminRequest(base, token, 'GET', pathname)).json();
}

/** The English name the public directory shows for `slug` on `base`, or null when it is not public there. */
export async function publicName(base: string, slug: string): Promise<string | null> {
  const res = await fetch(`${base}/api/directory/organizations/${slug}?locale=en`);
  if (res.status !== 200) {
    await res.arrayBuffer();
    return null;
  }
  const body: unknown = await res.json();
  return isRecord(body) && isRecord(body.data) && typeof body.data.name === 'string' ? body.data.name : null;
}

export interface Writer {
  base: string;
  token: string;
}

/** A record the benchmarks write to: its document, and its edit form (see editForm). */
export interface EditedRecord {
  documentId: string;
  slug: string;
  form: Record<string, unknown>;
}

/**
 * Renames the record and publishes it as an editor does in the admin: the edit view's Publish sends
 * one request with the whole form, in which Strapi's content manager saves the draft and publishes
 * it (@strapi/content-manager: `publishDocument`, "will either create or update documents at the
 * same time as publishing"), whether or not the editor clicked Save before (a click and a request
 * of its own). Resolves with the Publish's round trip: what the editor waits for after the click.
 */
export async function renameAndPublish(writer: Writer, record: EditedRecord, name: string): Promise<number> {
  const started = performance.now();
  await adminCall(writer.base, writer.token, 'POST', `${CM}/${ORG}/${record.documentId}/actions/publish?locale=en`, {
    ...record.form,
    name,
  });
  return performance.now() - started;
}

/** Renames and publishes on `writer`; resolves with the ms until each of `readers` shows it (from the publish's answer). */
export async function publishAndWatch(
  writer: Writer,
  readers: string[],
  record: EditedRecord,
  name: string,
): Promise<{ roundTrip: number; seen: number[] }> {
  const roundTrip = await renameAndPublish(writer, record, name);
  const published = performance.now();
  const seen = await Promise.all(
    readers.map(async (base) => {
      const deadline = published + 30_000;
      while (performance.now() < deadline) {
        if ((await publicName(base, record.slug)) === name) return performance.now() - published;
        await sleep(5);
      }
      return Infinity;
    }),
  );
  return { roundTrip, seen };
}

/** The type's relations: the edit form holds each as a change (nothing to connect or disconnect when untouched). */
const RELATIONS = new Set(
  Object.entries(organizationSchema.attributes)
    .filter(([, a]) => a.type === 'relation')
    .map(([name]) => name),
);
/** Its repeatable components: the edit form keys each row (`__temp_key__`, prepareTempKeys), and sends the keys. */
const REPEATABLE = new Set(
  Object.entries(organizationSchema.attributes)
    .filter(([, a]) => 'repeatable' in a && a.repeatable === true)
    .map(([name]) => name),
);

/**
 * A document, as the Content Manager reads it, in the form the admin's edit view holds and sends
 * (@strapi/content-manager's admin, `transformDocument`): the type's own fields (ids, timestamps,
 * creators and locale aside), the components as read with each repeatable row keyed, each relation
 * as no change.
 */
export function editFormOf(document: Record<string, unknown>): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    if (!(key in organizationSchema.attributes)) continue;
    form[key] = RELATIONS.has(key)
      ? { connect: [], disconnect: [] }
      : REPEATABLE.has(key) && Array.isArray(value)
        ? value.map((row: unknown, i) => (isRecord(row) ? { ...row, __temp_key__: `a${i}` } : row))
        : value;
  }
  return form;
}

/** The English version of a document in its edit form (editFormOf). */
async function editForm(base: string, token: string, documentId: string): Promise<Record<string, unknown>> {
  const body = await adminRead(base, token, `${CM}/${ORG}/${documentId}?locale=en`);
  if (!isRecord(body) || !isRecord(body.data)) throw new Error(`reading ${documentId} on ${base}: no document in the answer`);
  return editFormOf(body.data);
}

/** The public slugs of the first page (for a read load) and the record the writes rename: the first of them. */
export async function pickRecord(base: string, token: string): Promise<EditedRecord & { slugs: string[] }> {
  const strings = (list: unknown, key: string): Array<Record<string, unknown>> =>
    Array.isArray(list) ? list.filter((r): r is Record<string, unknown> => isRecord(r) && typeof r[key] === 'string') : [];
  const listed: unknown = await (await fetch(`${base}/api/directory/organizations?locale=en&pageSize=50`)).json();
  const slugs = strings(isRecord(listed) ? listed.data : null, 'slug').map((o) => String(o.slug));
  const slug = slugs[0];
  const filter = slug ? `&filters[slug][$eq]=${encodeURIComponent(slug)}` : '';
  const rows = await adminRead(base, token, `${CM}/${ORG}?page=1&pageSize=100&locale=en${filter}`);
  const found = strings(isRecord(rows) ? rows.results : null, 'documentId').find((r) => r.slug === slug);
  if (!slug || !found) throw new Error('no public record to write to');
  const documentId = String(found.documentId);
  return { slugs, slug, documentId, form: await editForm(base, token, documentId) };
}

/** Median, p90 and max of `values` (ms), with how many never happened (Infinity). */
export function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const missed = sorted.filter((v) => !Number.isFinite(v)).length;
  const finite = sorted.filter(Number.isFinite);
  return (
    `median ${msRounded(percentile(finite, 50))}, p90 ${msRounded(percentile(finite, 90))}, max ${msRounded(finite[finite.length - 1] ?? NaN)}` +
    ` over ${values.length} observations${missed ? `, ${missed} NOT SEEN within 30 s` : ''}`
  );
}

/** A relabelling of a taxonomy term through the admin: the editor's round trip, and when the public facets showed it. */
export interface Relabelled {
  writeMs: number;
  /** From the write's start until the public facets (French) show the new label; NaN if they did not within a minute. */
  visibleMs: number;
  /** Public records that name the term. */
  records: number;
}

/**
 * Relabels the service category most records name, in both locales (`suffix` appended), as its
 * edit view's Save does, then asks the public facets until they show the new label.
 */
export async function relabelTerm(base: string, token: string, suffix: string): Promise<Relabelled> {
  const facets = async () => {
    const body: unknown = await (await fetch(`${base}/api/directory/facets?locale=fr`)).json();
    const service = isRecord(body) && isRecord(body.data) && Array.isArray(body.data.service) ? body.data.service : [];
    return service.flatMap((f) =>
      isRecord(f) && typeof f.value === 'string' && typeof f.label === 'string' && typeof f.count === 'number'
        ? [{ value: f.value, label: f.label, count: f.count }]
        : [],
    );
  };
  const top = (await facets()).sort((a, b) => b.count - a.count)[0];
  if (!top) throw new Error('the public facets list no service category');
  const listed = await adminRead(base, token, `${CM}/${SERVICE_CATEGORY}?filters[code][$eq]=${encodeURIComponent(top.value)}`);
  const term = isRecord(listed) && Array.isArray(listed.results) && isRecord(listed.results[0]) ? listed.results[0] : null;
  if (!term || typeof term.documentId !== 'string') throw new Error(`no service category ${top.value} in the admin`);
  const label = `${String(term.labelFr)} ${suffix}`;
  const started = performance.now();
  await adminCall(base, token, 'PUT', `${CM}/${SERVICE_CATEGORY}/${term.documentId}`, {
    code: term.code,
    labelEn: `${String(term.labelEn)} ${suffix}`,
    labelFr: label,
  });
  const writeMs = performance.now() - started;
  for (const until = started + 60_000; performance.now() < until; await sleep(50)) {
    if ((await facets()).some((f) => f.value === top.value && f.label === label))
      return { writeMs, visibleMs: performance.now() - started, records: top.count };
  }
  return { writeMs, visibleMs: NaN, records: top.count };
}
