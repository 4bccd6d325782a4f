import { describe, test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { csvObjects, CsvSyntaxError, parseCsv, writeCsv } from './csv';
import { fullService } from './mapper';
import { contentOf, recordFromPair } from './record';
import { parseHsdsJson } from './reverse';
import { parseTemplateCsv, templateColumns, templateRow } from './template';
import { parseHours, parseServiceAreas } from './template-cells';
import { fixturePairs } from './pairs.test.helper';
import { hsdsSchemaDir, hsdsSchemasMissing } from './profile';

const PROFILE = 'https://directory.example.org/api/hsds/profile';
const { pairs } = fixturePairs();

describe('RFC 4180 CSV', () => {
  test('writes and reads back any table of strings', () => {
    const cellArb = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', 'x', ';', '\t') });
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = writeCsv(['a', 'b'], rows);
        const back = parseCsv(text).map((r) => r.cells);
        // A row of two empty cells is written as "," and read back as such.
        assert.deepEqual(back, [['a', 'b'], ...rows]);
      }),
    );
  });

  test('numbers records as a spreadsheet numbers rows, whatever line breaks quoted cells hold', () => {
    const rows = parseCsv('h1,h2\r\n"multi\nline",x\r\nlast,y\n\n');
    assert.deepEqual(
      rows.map((r) => r.row),
      [1, 2, 3],
    );
    assert.equal(rows[1]!.cells[0], 'multi\nline');
  });

  test('reads a UTF-8 BOM and LF line ends, and pads short rows', () => {
    const { header, rows } = csvObjects('\uFEFFa,b,c\n1,2\n');
    assert.deepEqual(header, ['a', 'b', 'c']);
    assert.deepEqual(rows[0]!.values, { a: '1', b: '2', c: '' });
  });

  test('refuses malformed quotes with row and column', () => {
    assert.throws(
      () => parseCsv('a,b\n1,x"y\n'),
      (e: unknown) => e instanceof CsvSyntaxError && e.row === 2 && e.column === 2,
    );
    assert.throws(
      () => parseCsv('a,b\n1,"open\n'),
      (e: unknown) => e instanceof CsvSyntaxError && e.row === 2,
    );
    assert.throws(
      () => parseCsv('a\n"x"y\n'),
      (e: unknown) => e instanceof CsvSyntaxError,
    );
  });
});

describe('HSDS JSON back to directory records', () => {
  test('every public fixture survives export and import unchanged', () => {
    const text = JSON.stringify(pairs.map((p) => fullService(p, PROFILE)));
    const parsed = parseHsdsJson(text);
    assert.deepEqual(parsed.fileProblems, []);
    assert.equal(parsed.records.length, pairs.length);
    parsed.records.forEach((r, i) => {
      assert.deepEqual(r.problems, [], pairs[i]!.en.slug);
      assert.deepEqual(r.warnings, [], pairs[i]!.en.slug);
      const expected = recordFromPair(pairs[i]!);
      assert.equal(r.record!.slug, expected.slug);
      assert.deepEqual(contentOf(r.record!), contentOf(expected), pairs[i]!.en.slug);
    });
  });

  test('defines the taxonomy terms and languages it uses, in both languages', () => {
    const parsed = parseHsdsJson(JSON.stringify(pairs.map((p) => fullService(p, PROFILE))));
    const aurora = pairs.find((p) => p.en.slug === 'maison-aurore')!;
    const t = aurora.en.focusAreas[0]!;
    assert.deepEqual(parsed.definitions.focusAreas.get(t.code), {
      code: t.code,
      labelEn: t.label,
      labelFr: aurora.fr.focusAreas[0]!.label,
    });
    assert.equal(parsed.definitions.languages.get('fr')?.labelFr, 'Français');
  });

  test('reads an API page, NDJSON and a single service', () => {
    const services = pairs.slice(0, 3).map((p) => fullService(p, PROFILE));
    assert.equal(parseHsdsJson(JSON.stringify({ total_items: 3, contents: services })).records.length, 3);
    assert.equal(parseHsdsJson(services.map((s) => JSON.stringify(s)).join('\n')).records.length, 3);
    assert.equal(parseHsdsJson(JSON.stringify(services[0])).records.length, 1);
    assert.match(parseHsdsJson('{"nope"').fileProblems[0]!.message, /not JSON/);
  });

  test('a foreign HSDS service without the profile: defaults with warnings, English copied to French', () => {
    const parsed = parseHsdsJson(
      JSON.stringify([
        {
          id: 'ac148810-d857-441c-9679-408f346de14b',
          name: 'Community Counselling',
          status: 'active',
          description: 'Counselling',
          organization: { id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', name: 'Example Org', description: 'An org' },
          phones: [
            { id: '1554f2e2-a373-45db-a3fa-9fc48a61c15e', number: '+1 514 555 0100', type: 'fax' },
            { id: '2554f2e2-a373-45db-a3fa-9fc48a61c15e', number: '+1 514 555 0101', extension: 100 },
          ],
          schedules: [
            { id: '3554f2e2-a373-45db-a3fa-9fc48a61c15e', freq: 'WEEKLY', byday: 'MO,TU', opens_at: '10:00:00', closes_at: '18:00:00' },
          ],
          service_areas: [{ id: '4554f2e2-a373-45db-a3fa-9fc48a61c15e', name: 'Ontario' }],
        },
      ]),
    );
    const [r] = parsed.records;
    assert.deepEqual(r!.problems, []);
    assert.equal(r!.record!.externalId, 'hsds:d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610');
    assert.equal(r!.record!.fr.name, 'Example Org');
    assert.equal(r!.record!.kind, 'other_allied');
    assert.deepEqual(
      r!.record!.phones.map((p) => [p.number, p.extension]),
      [['+1 514 555 0101', '100']],
    );
    assert.deepEqual(r!.record!.openingHours, [
      { day: 'mon', opens: '10:00', closes: '18:00' },
      { day: 'tue', opens: '10:00', closes: '18:00' },
    ]);
    assert.deepEqual(r!.record!.serviceAreas, [{ province: 'ON', regions: [], regionsFr: [] }]);
    const columns = r!.warnings.map((w) => w.column);
    for (const c of [
      'organization.name_fr',
      'organization.description_fr',
      'organization.organization_type',
      'provider_role',
      'phones[0].type',
    ])
      assert.ok(columns.includes(c), c);
  });

  test('reads the official HSDS 3.0 example service, saying what it could not use', { skip: hsdsSchemasMissing() ?? false }, () => {
    const text = fs.readFileSync(path.join(hsdsSchemaDir(), 'examples', 'service_full.json'), 'utf8');
    const [r] = parseHsdsJson(text).records;
    assert.deepEqual(r!.problems, []);
    assert.equal(r!.record!.en.name, 'Example Organization Inc.');
    const columns = r!.warnings.map((w) => w.column);
    for (const c of ['attributes[0]', 'service_areas[0]', 'service_at_locations[0].location', 'provider_role'])
      assert.ok(columns.includes(c), c);
  });

  test('a service without an organization name is a problem with its column', () => {
    const [r] = parseHsdsJson(
      JSON.stringify([
        { id: 'ac148810-d857-441c-9679-408f346de14b', status: 'active', organization: { id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610' } },
      ]),
    ).records;
    for (const c of ['organization.name', 'organization.description'])
      assert.ok(
        r!.problems.some((p) => p.row === 1 && p.column === c),
        c,
      );
  });

  test(
    'values the official schema refuses are problems with their JSON path, before any mapping',
    { skip: hsdsSchemasMissing() ?? false },
    () => {
      const [r] = parseHsdsJson(
        JSON.stringify([
          {
            id: 'ac148810-d857-441c-9679-408f346de14b',
            name: 12345,
            status: 'active',
            last_modified: 'yesterday',
            description: 'd',
            organization: { id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', name: 'Org', description: 'd', email: 'not-an-email' },
          },
        ]),
      ).records;
      const where = r!.problems.map((p) => p.column);
      for (const c of ['name', 'last_modified', 'organization.email']) assert.ok(where.includes(c), `${c} in ${where.join(', ')}`);
    },
  );
});

describe('the CSV import template', () => {
  test('every public fixture survives a template row unchanged', () => {
    const records = pairs.map((p, i) => recordFromPair(p, `demo-${i}`));
    const width = Math.max(...records.map((r) => r.locations.length), 1);
    const phones = Math.max(...records.map((r) => r.phones.length), 1);
    const columns = templateColumns(width, phones);
    const text = writeCsv(
      columns,
      records.map((r) => templateRow(r, columns)),
    );
    const parsed = parseTemplateCsv(text);
    assert.deepEqual(parsed.fileProblems, []);
    parsed.records.forEach((r, i) => {
      assert.deepEqual(r.problems, [], records[i]!.slug!);
      assert.equal(r.row, i + 2);
      assert.deepEqual(contentOf(r.record!), contentOf(records[i]!), records[i]!.slug!);
      assert.equal(r.record!.externalId, `demo-${i}`);
    });
  });

  test('reports unreadable cells by row and column, and keeps the other rows', () => {
    const columns = templateColumns();
    const row = (over: Record<string, string>) =>
      columns.map(
        (c) =>
          over[c] ??
          (
            {
              external_id: 'x',
              name_en: 'N',
              name_fr: 'N',
              description_en: 'D',
              description_fr: 'D',
              kind: 'ngo',
              role: 'direct',
            } as Record<string, string>
          )[c] ??
          '',
      );
    const text = writeCsv(columns, [
      row({ external_id: 'ok' }),
      row({ external_id: 'bad', age_min: 'twelve', national: 'maybe', hours: 'mon 9-5', service_areas: 'Quebecc: Montréal' }),
    ]);
    const parsed = parseTemplateCsv(text);
    assert.ok(parsed.records[0]!.record);
    assert.deepEqual(parsed.records[1]!.problems.map((p) => [p.row, p.column]).sort(), [
      [3, 'age_min'],
      [3, 'hours'],
      [3, 'national'],
      [3, 'service_areas'],
    ]);
  });

  test('refuses a header it does not know or that lacks a required column', () => {
    const parsed = parseTemplateCsv('external_id,name_en,nom\r\nx,y,z\r\n');
    assert.deepEqual(parsed.fileProblems.map((p) => p.column).sort(), ['description_en', 'kind', 'nom', 'role']);
  });

  test('reads hours and areas as people write them, in English or French', () => {
    assert.deepEqual(
      parseHours('lun-mer 9h00-17h00; sat 10:00–14:00').hours.map((h) => h.day),
      ['mon', 'tue', 'wed', 'sat'],
    );
    assert.equal(parseHours('lun-mer 9h00-17h00').hours[0]!.opens, '09:00');
    assert.match(parseHours('fri-mon 09:00-17:00').error ?? '', /backwards/);
    assert.deepEqual(parseServiceAreas('Québec: Montréal, Laval; ON').areas, [
      { province: 'QC', regions: ['Montréal', 'Laval'] },
      { province: 'ON', regions: [] },
    ]);
  });
});
