/**
 * The HSDS import as a 211 data team uses it, on a real seeded Strapi: the official HSDS 3.0 example
 * files are each imported or refused saying what they are; every record is validated against the
 * official schema first; records already here are found by their HSDS ids and never duplicated;
 * the tabular package the export writes imports back; spreadsheets saved by French-locale Excel
 * (`;` separators, Windows-1252) are read correctly, and replacement characters are never stored.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '../harness';
import { json } from '../expect';
import { exportHsds } from '../../src/hsds/export';
import { importFile, reportLines, type ImportReport } from '../../src/hsds/import';
import { projectionOf } from '../../src/directory/services';
import { parseCsv, writeCsv } from '../../src/hsds/csv';
import { hsdsSchemaDir, hsdsSchemasMissing } from '../../src/hsds/profile';
import { recordFromPair } from '../../src/hsds/record';
import { templateColumns, templateRow } from '../../src/hsds/template';
import { ORGANIZATION as ORG } from '../../src/content-types';

type Json = any;
const SCHEMAS_MISSING = hsdsSchemasMissing();
const skipSchemas = SCHEMAS_MISSING ? `official HSDS schemas unavailable: ${SCHEMAS_MISSING}` : false;
const PROFILE = 'https://directory.example.org/api/hsds/profile';
const lines = (r: ImportReport) => reportLines(r).join('\n');

describe('HSDS import as an exchange path', () => {
  let server: TestServer;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-hsds-x-'));
  const write = (name: string, content: string | Buffer) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const orgRows = () => server.strapi.db.query(ORG).count({});
  /** GET, retried once: a keep-alive socket the server closed during a long import resets the first try. */
  const get = async (p: string): Promise<Response> => {
    try {
      return await server.get(p);
    } catch {
      return server.get(p);
    }
  };
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Imports with --apply and checks that nothing at all was written. */
  async function refused(file: string, expect: RegExp): Promise<ImportReport> {
    const before = await orgRows();
    const report = await importFile(server.strapi, file, { apply: true });
    assert.ok(report.refused, lines(report));
    assert.equal(report.written, false);
    assert.ok(report.problems.some((p) => expect.test(p.message)) || expect.test(lines(report)), lines(report));
    assert.equal(await orgRows(), before, 'nothing written');
    return report;
  }

  describe('the official HSDS 3.0 example files (item 6)', { skip: skipSchemas }, () => {
    const example = (f: string) => path.join(hsdsSchemaDir(), 'examples', f);

    test('taxonomy and taxonomy term files are refused, saying what they are', async () => {
      for (const [file, what] of [
        ['taxonomy.json', /holds an HSDS taxonomy,/],
        ['taxonomy_list.json', /holds (an )?HSDS taxonom(y|ies)\b/],
        ['taxonomy_term.json', /holds an HSDS taxonomy term/],
        ['taxonomy_term_list.json', /holds (an )?HSDS taxonomy terms?\b/],
      ] as const) {
        const r = await refused(example(file), what);
        assert.ok(!lines(r).includes('create '), file);
      }
    });

    test('the other non-organization files are refused by name', async () => {
      for (const [file, what] of [
        ['base.json', /index of an HSDS API/],
        ['location.json', /HSDS location/],
        ['service_at_location_full.json', /service_at_location/],
        ['service_at_location_list.json', /service_at_location/],
        ['tabular.json', /datapackage\.json/],
      ] as const)
        await refused(example(file), what);
    });

    test('services and organizations are read; what the directory cannot take is said, row by field', async () => {
      for (const file of ['service_full.json', 'service_list.json', 'organization_full.json', 'organization_list.json']) {
        const r = await importFile(server.strapi, example(file), { apply: false });
        assert.ok(r.rows > 0, `${file}: ${lines(r)}`);
        assert.ok(!r.problems.some((p) => p.row === 0), `${file} is recognised: ${lines(r)}`);
        for (const p of r.problems) assert.ok(p.row > 0 && p.column, `${file}: ${p.message} has a record and a field`);
        if (!r.refused) assert.equal(r.created.length + r.updated.length + r.unchanged.length, r.rows, file);
      }
    });
  });

  describe('schema validation (item 7)', { skip: skipSchemas }, () => {
    test('a bad value is refused with its JSON path, and a bad date never disables the editor guard', async () => {
      const services = await json(await get('/api/hsds/services?full=true&per_page=2'));
      const [a, b] = services.contents as Json[];
      const bad = [
        { ...a, organization: { ...a.organization, name: 12345 } },
        { ...b, last_modified: 'yesterday' },
      ];
      const r = await refused(write('bad-values.json', JSON.stringify(bad)), /HSDS 3\.0 schema/);
      const where = r.problems.map((p) => `${p.row}:${p.column}`);
      assert.ok(where.includes('1:organization.name'), where.join(' '));
      assert.ok(where.includes('2:last_modified'), where.join(' '));
      assert.match(lines(r), /record 1, field organization\.name: must be string/);
    });
  });

  describe('no duplicates (item 8)', () => {
    test("a page of this directory's own /services and /organizations changes nothing and creates nothing", async () => {
      for (const p of ['/api/hsds/services?per_page=5', '/api/hsds/organizations?per_page=5', '/api/hsds/services?per_page=5&locale=en']) {
        const before = await orgRows();
        const r = await importFile(server.strapi, write('own-page.json', await (await get(p)).text()), { apply: true });
        assert.equal(r.refused, null, lines(r));
        assert.deepEqual([r.created.length, r.updated.length, r.unchanged.length], [0, 0, 5], `${p}\n${lines(r)}`);
        assert.equal(await orgRows(), before, `${p}: no duplicate`);
      }
    });

    test('one service id under two organizations is refused', async () => {
      const [a, b] = (await json(await get('/api/hsds/services?full=true&per_page=2'))).contents as Json[];
      await refused(
        write('two-owners.json', JSON.stringify([a, { ...a, organization: b.organization, organization_id: b.organization.id }])),
        /also listed under another organization/,
      );
    });

    test('two services of one organization are refused with a clear message, not merged', async () => {
      const [a] = (await json(await get('/api/hsds/services?full=true&per_page=1'))).contents as Json[];
      const second = { ...a, id: 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa', name: 'A second service' };
      await refused(write('two-services.json', JSON.stringify([a, second])), /one service per organization/);
    });
  });

  describe('the HSDS tabular package (item 9)', () => {
    let dir: string;
    before(async () => {
      dir = path.join(tmp, 'export');
      exportHsds(await projectionOf(server.strapi).catalog(), dir, PROFILE);
    });

    test('the package the export writes imports back, by folder or by datapackage.json, unchanged', async () => {
      const expected = (await json(await get('/api/hsds/services?per_page=1'))).total_items;
      for (const target of [path.join(dir, 'tabular'), path.join(dir, 'tabular', 'datapackage.json')]) {
        const r = await importFile(server.strapi, target, { apply: true });
        assert.equal(r.format, 'hsds-tabular');
        assert.equal(r.refused, null, lines(r));
        assert.deepEqual([r.created.length, r.updated.length, r.unchanged.length], [0, 0, expected], lines(r));
      }
    });

    test("a change in the package's CSV is an update of that record, in French too", async () => {
      const copy = path.join(tmp, 'changed');
      fs.cpSync(path.join(dir, 'tabular'), copy, { recursive: true });
      const file = path.join(copy, 'organizations.csv');
      const [head, first, ...rest] = parseCsv(fs.readFileSync(file, 'utf8'));
      first!.cells[head!.cells.indexOf('description_fr')] = 'Nouvelle description venue d’un autre répertoire.';
      fs.writeFileSync(file, writeCsv(head!.cells, [first!.cells, ...rest.map((r) => r.cells)]));
      const r = await importFile(server.strapi, copy, { apply: true });
      assert.equal(r.refused, null, lines(r));
      assert.equal(r.updated.length, 1, lines(r));
      const id = first!.cells[head!.cells.indexOf('id')];
      const doc = (await server.strapi.db
        .query(ORG)
        .findOne({ where: { slug: r.updated[0]!.slug, locale: 'fr', publishedAt: null } })) as Json;
      assert.equal(doc.description, 'Nouvelle description venue d’un autre répertoire.', `organization ${id}`);
    });

    test('a bad cell of the package is refused with its file and row', async () => {
      const copy = path.join(tmp, 'bad-package');
      fs.cpSync(path.join(dir, 'tabular'), copy, { recursive: true });
      const file = path.join(copy, 'services.csv');
      const [head, first, ...rest] = parseCsv(fs.readFileSync(file, 'utf8'));
      first!.cells[head!.cells.indexOf('last_modified')] = 'yesterday';
      fs.writeFileSync(file, writeCsv(head!.cells, [first!.cells, ...rest.map((r) => r.cells)]));
      const r = await refused(copy, /./);
      if (!SCHEMAS_MISSING) assert.match(lines(r), /record 1 \(services\.csv row 2\), field last_modified/);
    });
  });

  describe('spreadsheets from French-locale Excel (item 10)', () => {
    const columns = templateColumns();
    let base: ReturnType<typeof recordFromPair>;
    before(async () => {
      const slug = server.fixtures.organizations[0]!.slug;
      const en = (await json(await get(`/api/directory/organizations/${slug}?locale=en`))).data;
      const fr = (await json(await get(`/api/directory/organizations/${slug}?locale=fr`))).data;
      base = recordFromPair({ en, fr });
    });
    const sheet = (externalId: string, nameFr: string, delimiter: ',' | ';') => {
      const row = templateRow(
        {
          ...base,
          externalId,
          slug: null,
          en: { ...base.en, name: `Network ${externalId}` },
          fr: { ...base.fr, name: nameFr },
          lastModified: null,
        },
        columns,
      );
      // What Excel writes with the French list separator: cells quoted when they hold it.
      const cell = (c: string) => (c.includes(delimiter) || c.includes('"') || /[\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
      return `${columns.join(delimiter)}\r\n${row.map(cell).join(delimiter)}\r\n`;
    };
    const storedFrName = async (externalId: string) =>
      ((await server.strapi.db.query(ORG).findOne({ where: { externalId, locale: 'fr' } })) as Json)?.name;

    test('a ;-separated file is read with ; between columns, and says so', async () => {
      const r = await importFile(server.strapi, write('semicolons.csv', sheet('semi-1', 'Réseau « Point-virgule »; Québec', ';')), {
        apply: true,
      });
      assert.equal(r.refused, null, lines(r));
      assert.equal(r.created.length, 1, lines(r));
      assert.match(lines(r), /separated by semicolons/);
      assert.equal(await storedFrName('semi-1'), 'Réseau « Point-virgule »; Québec');
    });

    test('a Windows-1252 file is read as such (never stored as U+FFFD), and says so', async () => {
      const text = sheet('cp1252-1', 'Réseau d’entraide à Montréal', ';');
      // Windows-1252 bytes, as Excel writes them: Latin-1, plus these characters at 0x80–0x9F.
      const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009Džÿ'.replace('ÿ', 'Ÿ');
      const table = new Map([...Array(256).keys()].map((b) => [b >= 0x80 && b < 0xa0 ? high[b - 0x80]! : String.fromCharCode(b), b]));
      const bytes = Buffer.from(
        [...text].map((c) => {
          const b = table.get(c);
          if (b === undefined) throw new Error(`${c} has no Windows-1252 byte`);
          return b;
        }),
      );
      assert.ok(!bytes.includes(0xc3), 'not UTF-8');
      const r = await importFile(server.strapi, write('cp1252.csv', bytes), { apply: true });
      assert.equal(r.refused, null, lines(r));
      assert.match(lines(r), /Windows-1252/);
      assert.equal(await storedFrName('cp1252-1'), 'Réseau d’entraide à Montréal');
    });

    test('text already damaged (U+FFFD) is refused, with its row and column', async () => {
      await refused(write('damaged.csv', sheet('damaged-1', 'R\uFFFDseau', ',')), /U\+FFFD/);
      const services = (await json(await get('/api/hsds/services?full=true&per_page=1'))).contents as Json[];
      const damaged = [{ ...services[0], organization: { ...services[0].organization, name_fr: 'R\\uFFFDseau' } }];
      const r = await refused(write('damaged.json', JSON.stringify(damaged).replace('R\\\\uFFFDseau', 'R\\uFFFDseau')), /U\+FFFD/);
      assert.ok(
        r.problems.some((p) => p.row === 1 && p.column === 'organization.name_fr'),
        lines(r),
      );
      const all = (await server.strapi.db.query(ORG).findMany({ select: ['name', 'description'] })) as Json[];
      assert.ok(
        all.every((o) => !`${o.name}${o.description}`.includes('\uFFFD')),
        'no replacement character stored',
      );
    });
  });
});
