/**
 * V8's allocation-site pretenuring off, for the server's process, before the catalogs are built.
 *
 * V8 watches where objects are made, and when most of those made at one place outlive a young-
 * generation collection, it makes every later one there directly in the old generation. On this
 * server it misjudged the objects of every request (Node's HTTP headers, Koa's response, a page's
 * parts: the sites of a sampling heap profile of what only full collections freed), which were
 * then made in the old generation and died there: at 100,000 organizations, 16 connections on the
 * public list, the old generation grew 15.5 MB/s (2 MB/s with pretenuring off), so V8 marked the
 * whole ~700 MB heap every half-minute, holding reads back 100–300 ms while it did; each young-
 * generation collection took ~10 ms (~4 ms). `npm run bench:edits-http` at 100,000, an editor
 * publishing every 2 s: throughput drop 25.5 % → 10.8 %, publish round trip median 350 → 266 ms.
 * The boot is no slower (23.2 and 22.1 s against 24.7 and 23.4 s, alternated).
 *
 * Set here rather than as a command-line flag: Node refuses this one in NODE_OPTIONS, and this way
 * it holds however the server is started (npm start, a service manager, the benchmarks).
 */
import { setFlagsFromString } from 'node:v8';

export function stopPretenuring(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
