import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellText, csvCell, toCsv } from './csv';

test('cells that a spreadsheet would run as formulas are neutralized', () => {
  for (const bad of ['=HYPERLINK("http://evil")', '+1-613-555-0100', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
    assert.ok(csvCell(bad).replace(/^"/, '').startsWith("'"), bad);
  }
  assert.equal(csvCell('Maison Aurore'), 'Maison Aurore');
  assert.equal(csvCell('a=b'), 'a=b');
});

test('quotes, commas and newlines are quoted the RFC 4180 way', () => {
  assert.equal(csvCell('He said "hi", twice'), '"He said ""hi"", twice"');
  assert.equal(csvCell('line 1\nline 2'), '"line 1\nline 2"');
  assert.equal(csvCell('=1,2'), `"'=1,2"`);
});

test('values become readable text: lists joined, terms by label, objects as JSON, empty as empty', () => {
  assert.equal(cellText(['ON', 'QC']), 'ON; QC');
  assert.equal(
    cellText([
      { code: 'youth', label: 'Youth' },
      { code: 'women', label: 'Women' },
    ]),
    'Youth; Women',
  );
  assert.equal(cellText({ min: 18, max: null }), '{"min":18,"max":null}');
  assert.equal(cellText(null), '');
  assert.equal(cellText(false), 'false');
  assert.equal(cellText(new Date('2026-11-29T00:00:00Z')), '2026-11-29T00:00:00.000Z');
});

test('a table has a header row and CRLF line ends', () => {
  assert.equal(toCsv(['slug', 'name'], [{ slug: 'a', name: 'A, Inc.' }, { slug: 'b' }]), 'slug,name\r\na,"A, Inc."\r\nb,\r\n');
});
