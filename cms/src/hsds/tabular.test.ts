import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from './csv';
import { coreSchemas, hsdsSchemasMissing, profilePatches } from './profile';
import { csvOf, datapackage, TABLES, tablesOf, valueOf } from './tabular';
import { hsdsValidators } from './validation';
import { fixturePairs } from './pairs.test.helper';

const PROFILE = 'https://directory.example.org/api/hsds/profile';
const { fixtures, pairs } = fixturePairs();
const term = (t: { code: string; labelEn: string; labelFr: string }) => ({ value: t.code, labels: { en: t.labelEn, fr: t.labelFr } });
const vocabulary = {
  focus: fixtures.taxonomies.focusAreas.map(term),
  service: fixtures.taxonomies.services.map(term),
  population: fixtures.taxonomies.populations.map(term),
};
const missing = hsdsSchemasMissing();

describe('the HSDS tabular package', () => {
  test('has the core columns of each HSDS table, in the schema order, and the profile columns after', { skip: missing ?? false }, () => {
    const core = coreSchemas() as Record<
      string,
      { path: string; properties: Record<string, { type?: string; $ref?: string; datapackage_type?: string }> }
    >;
    const patches = profilePatches() as Record<string, { properties: Record<string, unknown> }>;
    for (const t of TABLES) {
      const schema = core[t.schema]!;
      assert.equal(t.path, schema.path, t.name);
      const scalar = Object.entries(schema.properties).filter(([, v]) => v.type !== 'array' && v.type !== 'object' && !v.$ref);
      const coreFields = t.fields.filter((f) => !f.profile);
      assert.deepEqual(
        coreFields.map((f) => f.name),
        scalar.map(([k]) => k),
        t.name,
      );
      for (const f of coreFields) {
        const p = schema.properties[f.name]!;
        assert.equal(f.type, p.datapackage_type ?? p.type, `${t.name}.${f.name}`);
      }
      for (const f of t.fields.filter((x) => x.profile))
        assert.ok(patches[t.schema]?.properties[f.name], `${t.name}.${f.name} is in the profile`);
    }
  });

  test('every row, read back from CSV, validates against the official schemas and the profile', { skip: missing ?? false }, () => {
    const v = hsdsValidators();
    if ('skip' in v) return;
    const tables = tablesOf(pairs, vocabulary, PROFILE);
    for (const t of TABLES) {
      const [head, ...rows] = parseCsv(csvOf(t, tables[t.name]!));
      assert.deepEqual(
        head!.cells,
        t.fields.map((f) => f.name),
      );
      assert.equal(rows.length, tables[t.name]!.length);
      assert.ok(rows.length > 0, `${t.name} has rows`);
      for (const r of rows) {
        const obj = Object.fromEntries(t.fields.map((f, i) => [f.name, valueOf(r.cells[i]!, f)]).filter(([, x]) => x !== undefined));
        assert.equal(v.core(t.schema, obj), null, `${t.path} row ${r.row}`);
        assert.equal(v.profile(t.schema, obj), null, `${t.path} row ${r.row}`);
      }
    }
  });

  test('foreign keys point at rows of the package', () => {
    const tables = tablesOf(pairs, vocabulary, PROFILE);
    const ids = new Map(TABLES.map((t) => [t.name, new Set(tables[t.name]!.map((r) => r.id))]));
    for (const t of TABLES) {
      for (const [field, target] of t.foreignKeys) {
        for (const r of tables[t.name]!) assert.ok(ids.get(target)!.has(r[field]), `${t.name}.${field} → ${target}`);
      }
    }
    const pkg = datapackage(PROFILE, '2026-01-01T00:00:00.000Z') as { resources: Array<{ path: string }> };
    assert.deepEqual(
      pkg.resources.map((r) => r.path),
      TABLES.map((t) => t.path),
    );
  });
});
