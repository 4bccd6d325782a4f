/**
 * Child process of `npm run bench`: the ceiling (d). A bare `node:http` server answering every
 * request with the exact bytes (and content type) the directory list (a) answered with.
 * BENCH_BODY_FILE names the body; it listens on HOST:PORT and tells the parent over IPC.
 */
import fs from 'node:fs';
import http from 'node:http';

const body = fs.readFileSync(process.env.BENCH_BODY_FILE!);
const headers = {
  'Content-Type': process.env.BENCH_CONTENT_TYPE || 'application/json; charset=utf-8',
  'Content-Length': String(body.length),
};

const server = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(Number(process.env.PORT), process.env.HOST || '127.0.0.1', () => {
  process.send?.({ type: 'listening' });
});

const stop = () => {
  server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
