/**
 * One HTTP request as it goes over the wire, for what fetch() hides or refuses: the path sent
 * byte for byte (malformed percent-encodings), any method (TRACE, PROPFIND), a body without
 * Content-Length, and the response body still compressed, with its real length.
 */
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as received: still gzip- or brotli-encoded when Content-Encoding says so. */
  body: Buffer;
  text(): string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Written as one chunk; sent chunked (no Content-Length) unless the headers give one. */
  body?: string | Buffer;
}

export function raw(base: string, pathAndQuery: string, init: RawRequest = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: hostname, port, path: pathAndQuery, method: init.method ?? 'GET', headers: init.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: () => body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error(`${init.method ?? 'GET'} ${pathAndQuery}: no answer in 15 s`)));
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
