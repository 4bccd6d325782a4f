/** Servers on loopback, for the tests, benchmarks and scripts: a free port, and waiting until one answers. */
import net from 'node:net';

/** A free TCP port on loopback (for test and benchmark servers). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200 (a server's readiness: the app loads its catalog at bootstrap); `alive`: its process still runs. */
export async function waitForOk(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`server exited while waiting for ${url}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (r.status === 200) {
        await r.arrayBuffer();
        return;
      }
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}
