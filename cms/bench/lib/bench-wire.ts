/**
 * Bytes on the wire: the body of one response as sent (compressed or not), for each encoding a
 * client may ask for. What a phone on a slow network downloads, before any header.
 */
import { raw } from '../../scripts/lib/raw-http';

export const WIRE_ENCODINGS = ['identity', 'gzip', 'br'] as const;

export interface WireSize {
  path: string;
  status: number;
  /** Body bytes as sent, per Accept-Encoding asked for; `null` when the server did not use that encoding. */
  bytes: Record<(typeof WIRE_ENCODINGS)[number], number | null>;
}

export async function wireSize(base: string, path: string): Promise<WireSize> {
  const bytes: WireSize['bytes'] = { identity: null, gzip: null, br: null };
  let status = 0;
  for (const encoding of WIRE_ENCODINGS) {
    const r = await raw(base, path, { headers: { 'Accept-Encoding': encoding } });
    status = r.status;
    const used = r.headers['content-encoding'] ?? 'identity';
    bytes[encoding] = used === encoding ? r.body.length : null;
  }
  return { path, status, bytes };
}

/** One line per path: identity / gzip / br bytes ("-" where the server answered another encoding). */
export function formatWireSizes(sizes: WireSize[]): string {
  const n = (v: number | null) => (v === null ? '-' : v.toLocaleString('en-CA'));
  const width = Math.max(...sizes.map((s) => s.path.length));
  return sizes
    .map(
      (s) =>
        `  ${s.path.padEnd(width)}  ${s.status === 200 ? `identity ${n(s.bytes.identity).padStart(7)}   gzip ${n(s.bytes.gzip).padStart(7)}   br ${n(s.bytes.br).padStart(7)}` : `HTTP ${s.status}`}`,
    )
    .join('\n');
}
