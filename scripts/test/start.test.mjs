/**
 * `npm start` stopped by a signal sent to its own process only (what a supervisor or `kill` does;
 * a terminal's Ctrl-C signals the whole group instead): the CMS and the demo-page server, and
 * every process under them, must go, and their ports be free for the next start.
 * Real processes: the root script builds (cached after `npm test`'s build), seeds a throwaway
 * SQLite file and starts both servers on free ports.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../lib.mjs';

const READY_TIMEOUT_MS = 15 * 60 * 1000; // a first build of the admin takes minutes (npm test has built it already)

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const listening = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Pids of the processes whose environment holds `marker` (every process `npm start` started does). */
function processesWith(marker) {
  const pids = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker)) pids.push(Number(pid));
    } catch {
      /* gone, or not ours */
    }
  }
  return pids;
}

describe('npm start, stopped by a signal to its own process', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'rd-start-'));
  after(() => {
    for (const pid of processesWith(tmp)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const signal of ['SIGTERM', 'SIGINT']) {
    test(`${signal} to the parent alone takes the CMS and the demo pages down and frees their ports`, async () => {
      const [port, examplesPort] = [await freePort(), await freePort()];
      const child = spawn(process.execPath, ['scripts/start.mjs'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          EXAMPLES_PORT: String(examplesPort),
          DATABASE_CLIENT: 'sqlite',
          DATABASE_FILENAME: join(tmp, 'start.db'),
          DEMO_ADMIN_PASSWORD: 'Start-test-Password-1',
          STRAPI_LOG_LEVEL: 'warn',
          RD_START_TEST_MARKER: tmp,
        },
      });
      let output = '';
      child.stdout.on('data', (d) => {
        output += d;
      });
      child.stderr.on('data', (d) => {
        output += d;
      });
      const exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve(code ?? sig)));

      const deadline = Date.now() + READY_TIMEOUT_MS;
      while (!output.includes('Referral Directory is running') && child.exitCode === null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
      }
      assert.match(output, /Referral Directory is running/, output.slice(-2000));
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/directory/health`)).status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${examplesPort}/`)).status, 200);
      assert.ok(processesWith(tmp).length >= 3, 'npm start, the CMS and the demo pages run');

      process.kill(child.pid, signal);
      assert.equal(await exited, 0, output.slice(-2000));
      assert.match(output, /Stopping/);
      assert.deepEqual(processesWith(tmp), [], 'no process of npm start is left');
      assert.equal(await listening(port), false, `:${port} is free`);
      assert.equal(await listening(examplesPort), false, `:${examplesPort} is free`);
    });
  }
});
