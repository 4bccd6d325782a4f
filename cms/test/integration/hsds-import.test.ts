/**
 * HSDS export and import on real Strapi instances: the export of the seeded directory validates
 * against the official HSDS 3.0 schemas; importing it into an EMPTY directory gives drafts that,
 * once editors approve them, are the same public records; bad rows are reported with row and
 * column; a dry run writes nothing; a file with a bad row, or a failure half-way, writes nothing;
 * an editor's newer change is never overwritten without saying so.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locale, OrganizationList, PublicOrganization } from '@referral-directory/sdk';
import { startServer, type TestServer } from '../harness';
import { isPublicFixture, json } from '../expect';
import { exportHsds } from '../../src/hsds/export';
import { importFile, reportLines } from '../../src/hsds/import';
import { projectionOf } from '../../src/directory/services';
import { parseCsv, writeCsv } from '../../src/hsds/csv';
import { hsdsSchemasMissing } from '../../src/hsds/profile';
import { fullService } from '../../src/hsds/mapper';
import { recordFromPair } from '../../src/hsds/record';
import { TABLES, valueOf } from '../../src/hsds/tabular';
import { templateColumns, templateRow } from '../../src/hsds/template';
import { hsdsValidators } from '../../src/hsds/validation';
import { AUDIT_ENTRY, FOCUS_AREA, ORGANIZATION as ORG } from '../../src/content-types';

type Json = any;
const SCHEMAS_MISSING = hsdsSchemasMissing();
/** Why schema validation is skipped: the official schemas are not in HSDS_SCHEMA_DIR (default ../shared/hsds/3.0). */
const skipSchemas = SCHEMAS_MISSING ? `official HSDS schemas unavailable: ${SCHEMAS_MISSING}` : false;
const CMS = path.resolve(__dirname, '..', '..');
/** One profile URI for both servers' exports, so they compare. */
const PROFILE = 'https://directory.example.org/api/hsds/profile';

async function publicRecords(server: TestServer, locale: Locale): Promise<PublicOrganization[]> {
  const out: PublicOrganization[] = [];
  for (let page = 1; ; page++) {
    const body = await json<OrganizationList>(await server.get(`/api/directory/organizations?locale=${locale}&pageSize=100&page=${page}`));
    out.push(...body.data);
    if (page >= body.meta.pageCount) break;
  }
  return out.map(({ updatedAt: _u, ...rest }) => rest as PublicOrganization).sort((a, b) => a.slug.localeCompare(b.slug));
}

const readJson = (file: string): Json => JSON.parse(fs.readFileSync(file, 'utf8'));
const orgCount = (s: TestServer) => s.strapi.db.query(ORG).count({});

describe('HSDS export and import', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-hsds-'));
  const exportDir = path.join(tmp, 'export');
  const servicesFile = path.join(exportDir, 'json', 'services.json');
  let expected: Record<Locale, PublicOrganization[]>;
  let publicCount = 0;
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('the export of the seeded directory', () => {
    let server: TestServer;
    before(async () => {
      server = await startServer();
      publicCount = server.fixtures.organizations.filter(isPublicFixture).length;
      const report = exportHsds(await projectionOf(server.strapi).catalog(), exportDir, PROFILE);
      assert.equal(report.organizations, publicCount);
      expected = { en: await publicRecords(server, 'en'), fr: await publicRecords(server, 'fr') };
    });
    after(async () => {
      await server?.stop();
    });

    test('writes a tabular data package and nested JSON of the public records only', () => {
      const pkg = readJson(path.join(exportDir, 'tabular', 'datapackage.json'));
      assert.equal(pkg.profile, 'tabular-data-package');
      for (const r of pkg.resources) {
        const rows = parseCsv(fs.readFileSync(path.join(exportDir, 'tabular', r.path), 'utf8'));
        assert.deepEqual(
          rows[0]!.cells,
          r.schema.fields.map((f: Json) => f.name),
          `${r.path} header matches datapackage.json`,
        );
      }
      const services = readJson(servicesFile);
      assert.equal(services.length, publicCount);
      const text = fs.readFileSync(servicesFile, 'utf8') + fs.readFileSync(path.join(exportDir, 'tabular', 'services.csv'), 'utf8');
      for (const o of server.fixtures.organizations) {
        if (!isPublicFixture(o)) assert.ok(!text.includes(o.en.name), `private ${o.slug}`);
        if (o.internal.internalEmail) assert.ok(!text.includes(o.internal.internalEmail), `internal email of ${o.slug}`);
        for (const l of o.locations)
          if (l.confidential && l.street) assert.ok(!text.includes(l.street), `confidential street of ${o.slug}`);
      }
    });

    test('the nested JSON validates against the official HSDS 3.0 schemas and the profile', { skip: skipSchemas }, () => {
      const v = hsdsValidators();
      if ('skip' in v) return;
      for (const [file, schema] of [
        ['services.json', 'service.json'],
        ['organizations.json', 'organization.json'],
        ['taxonomies.json', 'taxonomy.json'],
        ['taxonomy_terms.json', 'taxonomy_term.json'],
      ]) {
        const items = readJson(path.join(exportDir, 'json', file!)) as unknown[];
        assert.ok(items.length > 0, file);
        for (const [i, item] of items.entries()) {
          assert.equal(v.core(schema!, item), null, `${file}[${i}]`);
          assert.equal(v.profile(schema!, item), null, `${file}[${i}] (profile)`);
        }
      }
    });

    test('every CSV row validates against the official HSDS 3.0 schemas and the profile', { skip: skipSchemas }, () => {
      const v = hsdsValidators();
      if ('skip' in v) return;
      for (const t of TABLES) {
        const [, ...rows] = parseCsv(fs.readFileSync(path.join(exportDir, 'tabular', t.path), 'utf8'));
        for (const r of rows) {
          const obj = Object.fromEntries(t.fields.map((f, i) => [f.name, valueOf(r.cells[i] ?? '', f)]).filter(([, x]) => x !== undefined));
          assert.equal(v.core(t.schema, obj), null, `${t.path} row ${r.row}`);
          assert.equal(v.profile(t.schema, obj), null, `${t.path} row ${r.row} (profile)`);
        }
      }
    });

    test('importing the export back into the same directory changes nothing', async () => {
      const before = await orgCount(server);
      const report = await importFile(server.strapi, servicesFile, { apply: true });
      assert.equal(report.refused, null, reportLines(report).join('\n'));
      assert.deepEqual([report.created.length, report.updated.length, report.conflicts.length], [0, 0, 0], reportLines(report).join('\n'));
      assert.equal(report.unchanged.length, publicCount);
      assert.equal(await orgCount(server), before);
    });
  });

  describe('an import into an empty directory', () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ seed: false });
    });
    after(async () => {
      await server?.stop();
    });

    test('a dry run reports what it would do and writes nothing', async () => {
      const report = await importFile(server.strapi, servicesFile, { apply: false });
      assert.equal(report.refused, null, reportLines(report).join('\n'));
      assert.equal(report.accepted, publicCount);
      assert.equal(report.created.length, publicCount);
      assert.ok(report.newTerms.length > 0, 'defines the taxonomy terms it uses');
      assert.equal(report.written, false);
      assert.equal(await orgCount(server), 0);
      assert.equal(await server.strapi.db.query(FOCUS_AREA).count({}), 0);
      assert.match(reportLines(report).at(-1)!, /dry run: nothing written/);
    });

    test('--apply writes drafts (under review, no consent, unpublished), none public, idempotently', async () => {
      // No poll: the catalog must learn of the bulk-written drafts from the import itself.
      const projection = projectionOf(server.strapi);
      projection.stop();
      const report = await importFile(server.strapi, servicesFile, { apply: true });
      assert.equal(report.written, true);
      assert.equal(report.created.length, publicCount);
      const drafts = (await server.strapi.db.query(ORG).findMany({ where: { locale: 'en' } })) as Json[];
      assert.equal(drafts.length, publicCount, 'one draft per organization, nothing published');
      assert.ok(
        drafts.every(
          (d) =>
            d.publishedAt === null && d.listingStatus === 'under_review' && d.publicConsent === false && d.externalId?.startsWith('hsds:'),
        ),
      );
      assert.equal((await json(await server.get('/api/hsds/services'))).total_items, 0, 'drafts are not public');
      const staff = await projection.internalCatalog();
      assert.deepEqual(
        new Set(staff.entries.map((e) => e.slug)),
        new Set(report.created.map((c) => c.slug)),
        'the staff catalog lists the new drafts at once',
      );
      assert.equal((await projection.catalog()).entries.length, 0, 'and the public catalog none of them');
      projection.start(500);

      // The audit trail: one creation per draft, both locales, by the script, with what it holds.
      const audits = (await server.strapi.db.query('api::audit-entry.audit-entry').findMany({ where: { targetUid: ORG } })) as Json[];
      assert.deepEqual(audits.map((a) => a.targetDocumentId).sort(), drafts.map((d) => d.documentId).sort(), 'one audit entry per draft');
      for (const a of audits) {
        assert.deepEqual([a.action, a.actorType, a.targetLocale, a.statusTo], ['create', 'system', 'en,fr', 'under_review']);
        assert.match(a.changedFields, /\bname\b.*\bfocusAreas\b/);
        assert.ok(
          a.changes.some((c: Json) => c.field === 'name' && c.locale === 'fr' && typeof c.to === 'string'),
          'French name recorded',
        );
      }

      const again = await importFile(server.strapi, servicesFile, { apply: true });
      assert.deepEqual(
        [again.created.length, again.updated.length, again.unchanged.length],
        [0, 0, publicCount],
        reportLines(again).join('\n'),
      );
      assert.equal(await server.strapi.db.query(ORG).count({ where: { locale: 'en' } }), publicCount);
    });

    test('once editors approve and publish them, they are the same public records', async () => {
      const docs = server.strapi.documents(ORG);
      for (const d of (await server.strapi.db.query(ORG).findMany({ where: { locale: 'en' } })) as Json[]) {
        await docs.update({ documentId: d.documentId, locale: 'en', data: { listingStatus: 'active', publicConsent: true } });
        await docs.publish({ documentId: d.documentId, locale: '*' });
      }
      for (const locale of ['en', 'fr'] as const) assert.deepEqual(await publicRecords(server, locale), expected[locale], locale);

      // And its own export is the original export, but for publication times.
      const again = path.join(tmp, 'again');
      exportHsds(await projectionOf(server.strapi).catalog(), again, PROFILE);
      const strip = (items: Json[]) => items.map(({ last_modified: _m, ...rest }) => rest);
      assert.deepEqual(strip(readJson(path.join(again, 'json', 'services.json'))), strip(readJson(servicesFile)));
    });

    test('bad rows are reported with row and column, and nothing is written even with --apply', async () => {
      const columns = templateColumns();
      const base = recordFromPair({ en: expected.en[0]!, fr: expected.fr.find((r) => r.slug === expected.en[0]!.slug)! });
      const row = (externalId: string, name: string, over: Record<string, string> = {}) => {
        const cells = templateRow({ ...base, externalId, slug: null, en: { ...base.en, name }, fr: { ...base.fr, name } }, columns);
        return cells.map((c, i) => over[columns[i]!] ?? c);
      };
      const file = path.join(tmp, 'bad.csv');
      fs.writeFileSync(
        file,
        writeCsv(columns, [
          row('hotline-1', 'Good Row Org'),
          row('hotline-2', 'Bad Row Org', {
            focus_areas: 'trafficking; not_a_code',
            location_1_province: 'Atlantis',
            email: 'not-an-email',
          }),
          row('hotline-3', '', { description_en: '', kind: 'cartel' }),
        ]),
      );
      const before = await orgCount(server);
      const report = await importFile(server.strapi, file, { apply: true });
      assert.equal(report.written, false);
      assert.ok(report.refused);
      assert.deepEqual([report.rows, report.accepted, report.rejectedRows], [3, 1, 2]);
      const where = report.problems.map((p) => `${p.row}:${p.column}`).sort();
      for (const w of ['3:focus_areas', '3:location_1_province', '3:email', '4:name_en', '4:description_en', '4:kind'])
        assert.ok(where.includes(w), `${w} in ${where.join(' ')}`);
      assert.ok(
        reportLines(report).some((l) => /rejected row 3, column focus_areas: .*not_a_code/.test(l)),
        reportLines(report).join('\n'),
      );
      assert.equal(await orgCount(server), before);
    });

    test('a failure half-way through --apply writes nothing (one transaction)', async () => {
      const services = readJson(servicesFile)
        .slice(0, 3)
        .map((s: Json, i: number) => ({
          ...s,
          // New organizations: new organization and service ids (an existing HSDS id would match its record).
          id: `3000000${i}-0000-4000-8000-000000000000`,
          organization_id: `0000000${i}-0000-4000-8000-000000000000`,
          organization: {
            ...s.organization,
            id: `0000000${i}-0000-4000-8000-000000000000`,
            organization_identifiers: [],
            name: `Half Way ${i}`,
          },
          attributes: [
            ...s.attributes,
            {
              id: `1000000${i}-0000-4000-8000-000000000000`,
              taxonomy_term: {
                id: `2000000${i}-0000-4000-8000-000000000000`,
                code: `brand_new_${i}`,
                name: 'New',
                description: 'A new focus area',
                name_fr: 'Nouveau',
                taxonomy: 'focus_area',
              },
            },
          ],
        }));
      const file = path.join(tmp, 'half.json');
      fs.writeFileSync(file, JSON.stringify(services));
      const dry = await importFile(server.strapi, file, { apply: false });
      assert.deepEqual([dry.created.length, dry.newTerms.length], [3, 3], reportLines(dry).join('\n'));
      const orgs = await orgCount(server);
      const terms = await server.strapi.db.query(FOCUS_AREA).count({});
      const audits = await server.strapi.db.query(AUDIT_ENTRY).count({});
      await assert.rejects(
        importFile(server.strapi, file, {
          apply: true,
          beforeWrite: (_r, i) => {
            if (i === 1) throw new Error('disk full (simulated)');
          },
        }),
        /disk full/,
      );
      assert.equal(await orgCount(server), orgs, 'no organization kept');
      assert.equal(await server.strapi.db.query(FOCUS_AREA).count({}), terms, 'no taxonomy term kept');
      assert.equal(await server.strapi.db.query(AUDIT_ENTRY).count({}), audits, 'no audit entry kept');
    });

    test("an editor's newer change is not overwritten without saying so", async () => {
      const docs = server.strapi.documents(ORG);
      const slug = expected.en[0]!.slug;
      const doc = await docs.findFirst({ locale: 'en', status: 'draft', filters: { slug } });
      const editor = {
        state: { user: { id: 1, firstname: 'Dana', lastname: 'Editor', email: 'dana@example.org' }, auth: { strategy: { name: 'admin' } } },
      };
      // Cast kept: a request context carrying only the signed-in editor the audit reads, not a whole Koa context.
      await server.strapi.requestContext.run(editor as never, async () => {
        await docs.update({ documentId: doc!.documentId, locale: 'en', data: { description: 'Updated by an editor today.' } });
      });
      const description = async () => ((await docs.findFirst({ locale: 'en', status: 'draft', filters: { slug } })) as Json).description;

      const report = await importFile(server.strapi, servicesFile, { apply: true });
      assert.equal(report.conflicts.length, 1, reportLines(report).join('\n'));
      assert.deepEqual(
        [report.conflicts[0]!.slug, report.conflicts[0]!.editedBy, report.conflicts[0]!.overwritten],
        [slug, 'Dana Editor', false],
      );
      assert.ok(!report.updated.some((u) => u.slug === slug));
      assert.ok(reportLines(report).some((l) => l.includes('CONFLICT') && l.includes(slug) && l.includes('not overwritten')));
      assert.equal(await description(), 'Updated by an editor today.');

      const forced = await importFile(server.strapi, servicesFile, { apply: true, force: true });
      assert.equal(forced.conflicts[0]?.overwritten, true);
      assert.ok(reportLines(forced).some((l) => l.includes('OVERWRITTEN')));
      assert.equal(await description(), expected.en[0]!.description);
    });

    test("the CSV template imports drafts, idempotent by external_id; HSDS never erases a shelter's address", async () => {
      const columns = templateColumns();
      const shelter = {
        name: 'Shelter',
        street: '99 Secret Road',
        city: 'Moncton',
        province: 'NB' as const,
        postalCode: 'E1C 0A0',
        confidential: true,
      };
      const pairs = expected.en.slice(0, 2).map((en, i) => {
        const fr = expected.fr.find((x) => x.slug === en.slug)!;
        const publicSites = en.locations.filter((l) => !l.confidential);
        const locations = i === 0 ? [{ ...shelter, name: null, street: null, postalCode: null }, ...publicSites] : publicSites;
        const slug = `spreadsheet-org-${i}`;
        // The French region names travel in the template's service_areas_fr column.
        return {
          en: { ...en, slug, name: `Spreadsheet Org ${i}`, locations },
          fr: { ...fr, slug, name: `Organisme tableur ${i}`, locations },
        };
      });
      const rows = pairs.map((p, i) => {
        const r = recordFromPair(p);
        if (i === 0) r.locations[0] = { ...shelter };
        return templateRow({ ...r, externalId: `hotline-${i}`, slug: null, lastModified: null }, columns);
      });
      const file = path.join(tmp, 'good.csv');
      fs.writeFileSync(file, writeCsv(columns, rows));
      const first = await importFile(server.strapi, file, { apply: true });
      assert.deepEqual(
        first.created.map((c) => c.slug),
        ['spreadsheet-org-0', 'spreadsheet-org-1'],
        reportLines(first).join('\n'),
      );
      const second = await importFile(server.strapi, file, { apply: true });
      assert.deepEqual([second.created.length, second.updated.length, second.unchanged.length], [0, 0, 2], reportLines(second).join('\n'));

      // The same organization as HSDS (found by its slug): the confidential site has only its city.
      const hsdsFile = path.join(tmp, 'shelter.json');
      fs.writeFileSync(hsdsFile, JSON.stringify([fullService(pairs[0]!, PROFILE)]));
      const third = await importFile(server.strapi, hsdsFile, { apply: true });
      assert.deepEqual([third.created.length, third.updated.length, third.unchanged.length], [0, 0, 1], reportLines(third).join('\n'));
      const stored = (await server.strapi.db
        .query(ORG)
        .findOne({ where: { slug: 'spreadsheet-org-0', locale: 'en', publishedAt: null }, populate: { locations: true } })) as Json;
      assert.deepEqual(
        stored.locations.filter((l: Json) => l.confidential).map((l: Json) => [l.name, l.street, l.postalCode]),
        [['Shelter', '99 Secret Road', 'E1C 0A0']],
      );
    });

    test('the command: dry run by default, rejected rows with row and column, exit code 1', () => {
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', path.join(tmp, 'bad.csv')], {
        cwd: CMS,
        encoding: 'utf8',
        env: { ...process.env, PORT: '0' },
        timeout: 180_000,
      });
      assert.equal(res.status, 1, res.stderr + res.stdout);
      assert.match(res.stdout, /\(csv, dry run\)/);
      assert.match(res.stdout, /3 row\(s\): 1 accepted, 2 rejected/);
      assert.match(res.stdout, /rejected row 3, column email: must be an email address/);
      assert.match(res.stdout, /nothing is written/);
    });
  });
});
