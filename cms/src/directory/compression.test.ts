import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Representation, weakEtagOf } from './compression';

const text = JSON.stringify({ data: Array.from({ length: 40 }, (_, i) => ({ name: `Maison d'hébergement ${i}`, city: 'Montréal' })) });

test('a body given as text is sent as that text, with the validator and size of its UTF-8 bytes', () => {
  const rep = new Representation(text);
  const bytes = Buffer.from(text, 'utf8');
  assert.equal(rep.bytes('identity'), text);
  assert.equal(rep.bytes('identity'), text, 'sent again as text: no Buffer outside the heap for a cached page');
  assert.equal(rep.etag, weakEtagOf([bytes]));
  assert.equal(rep.etag, new Representation(bytes).etag, 'the same validator as the same bytes given as a Buffer');
  assert.equal(rep.size, bytes.length, 'counted in bytes, not characters (é is two)');
  assert.ok(bytes.length > text.length);
});

test('its compressed forms decompress to the same bytes', () => {
  const rep = new Representation(text);
  assert.equal(gunzipSync(rep.bytes('gzip')).toString('utf8'), text);
  assert.equal(brotliDecompressSync(rep.bytes('br')).toString('utf8'), text);
  assert.ok(rep.size > Buffer.byteLength(text), 'the size grows by the compressed forms made');
});

test('a small body stays identity whatever the client asks, and `is` compares bytes in either form', () => {
  const small = new Representation('{"data":[]}');
  assert.equal(small.encodingFor('br'), 'identity');
  assert.equal(small.bytes('gzip'), '{"data":[]}');
  assert.ok(small.is('{"data":[]}'));
  assert.ok(small.is(Buffer.from('{"data":[]}')));
  assert.ok(!small.is('{"data":[1]}'));
  assert.ok(new Representation(Buffer.from(text)).is(text));
});
