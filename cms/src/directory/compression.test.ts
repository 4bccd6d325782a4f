import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { HOT_SENDS_PER_SECOND, HotBytes, Representation, weakEtagOf } from './compression';

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

test('a body sent many times a second is sent as its UTF-8 bytes from then on; one sent now and then stays text', () => {
  const hot = new Representation(text);
  const sent = Array.from({ length: HOT_SENDS_PER_SECOND + 2 }, () => hot.bytes('identity'));
  assert.ok(
    sent.slice(0, HOT_SENDS_PER_SECOND - 1).every((b) => b === text),
    'text until sent often',
  );
  const bytes = sent.at(-1)!;
  assert.ok(Buffer.isBuffer(bytes));
  assert.equal(bytes.toString('utf8'), text);
  assert.equal(sent.at(-2), bytes, 'the same bytes sent again, not made anew');
  assert.equal(new Representation(text).bytes('identity'), text, 'another body with the same text: text');
});

test('the bytes held stay within their budget, the least recently sent giving theirs up first', () => {
  const tier = new HotBytes<string>(100);
  const a = tier.add('a', 'x'.repeat(20));
  tier.add('b', 'y'.repeat(20));
  assert.equal(tier.get('a'), a);
  tier.add('c', 'z'.repeat(20));
  tier.add('d', 'é'.repeat(10));
  assert.equal(tier.size, 80);
  tier.add('e', 'w'.repeat(25));
  assert.equal(tier.get('b'), undefined, 'b was sent least recently');
  assert.ok(tier.get('a') && tier.get('c') && tier.get('d') && tier.get('e'));
  assert.ok(tier.size <= 100);
  assert.ok(Buffer.isBuffer(tier.add('big', 'v'.repeat(40))), 'bytes too large to hold are still given');
  assert.equal(tier.get('big'), undefined, 'but not held');
});
