import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFile, detectDelimiter } from './encoding';

test('Windows-1252 text is decoded with its curly quotes, euro and œ, and the report says so', () => {
  const bytes = Uint8Array.of(0x52, 0xe9, 0x73, 0x65, 0x61, 0x75, 0x20, 0x92, 0x80, 0x9c, 0x93, 0x94);
  const d = decodeFile(bytes, 'csv');
  assert.equal(d.problem, null);
  assert.equal(d.text, 'Réseau ’€œ“”');
  assert.match(d.warning ?? '', /Windows-1252/);
});

test('bytes that are neither UTF-8 nor Windows-1252, and U+FFFD, are refused; JSON must be UTF-8', () => {
  assert.match(decodeFile(Uint8Array.of(0x41, 0x81, 0x42), 'csv').problem ?? '', /neither UTF-8 nor Windows-1252/);
  assert.match(decodeFile(Buffer.from('a,b\r\nR\uFFFDseau,x\r\n'), 'csv').problem ?? '', /line 2 .*U\+FFFD/);
  assert.match(decodeFile(Uint8Array.of(0x7b, 0xe9, 0x7d), 'json').problem ?? '', /JSON must be UTF-8/);
  assert.equal(decodeFile(Buffer.from('\uFEFFnom,ville\r\n'), 'csv').text, 'nom,ville\r\n');
});

test('the separator is the one the header line uses most, outside quotes', () => {
  assert.equal(detectDelimiter('a;b;c\r\n1,5;2;3'), ';');
  assert.equal(detectDelimiter('"x;y",b,c\r\n'), ',');
  assert.equal(detectDelimiter('a\tb\tc'), '\t');
  assert.equal(detectDelimiter('single'), ',');
});
