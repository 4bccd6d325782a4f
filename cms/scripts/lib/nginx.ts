/**
 * The deployment recipe's nginx (deploy/nginx/referral-directory.conf.template) on loopback, as
 * `npm run cluster` and the recipe's test run it: the template rendered, Debian's nginx started on
 * it with a prefix folder of its own, and stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CMS_DIR } from './boot';
import { freePort, waitForOk } from './ports';

export const NGINX = '/usr/sbin/nginx';
export const NGINX_TEMPLATE = path.resolve(CMS_DIR, '..', 'deploy', 'nginx', 'referral-directory.conf.template');

/** `${NAME}` in the template replaced (the envsubst the recipe uses; nginx's own $variables stay). */
export function renderNginx(template: string, vars: Record<string, string>): string {
  return template.replace(/\$\{(RD_[A-Z_]+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** An upstream's line for a server on loopback; `backup`: sent requests only while the others fail. */
export const serverLine = (port: number, backup = false): string =>
  `server 127.0.0.1:${port} max_fails=1 fail_timeout=5s${backup ? ' backup' : ''};`;

export interface Nginx {
  /** Where it listens: http://127.0.0.1:port */
  url: string;
  /** Its prefix folder (nginx.conf, logs/). */
  prefix: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts nginx on the template in `dir` (one worker: a 2-core machine), with the upstreams'
 * `server` lines: `upstream` (the public and the staff) and `editors` (the admin). Resolves once
 * `readyPath` answers 200 through it.
 */
export async function startNginx(options: { dir: string; upstream: string[]; editors: string[]; readyPath: string }): Promise<Nginx> {
  const prefix = path.join(options.dir, 'nginx');
  for (const sub of ['logs', 'tmp', 'cache']) fs.mkdirSync(path.join(prefix, sub), { recursive: true });
  // nginx's workers run as nobody: they write the cache and temp files, and cross `dir` to reach them.
  fs.chmodSync(options.dir, 0o755);
  for (const sub of ['tmp', 'cache']) fs.chmodSync(path.join(prefix, sub), 0o777);
  const listen = await freePort();
  const conf = path.join(prefix, 'nginx.conf');
  const lines = (servers: string[]) => servers.join('\n    ');
  fs.writeFileSync(
    conf,
    renderNginx(fs.readFileSync(NGINX_TEMPLATE, 'utf8'), {
      RD_LISTEN: `127.0.0.1:${listen}`,
      RD_UPSTREAM_SERVERS: lines(options.upstream),
      RD_EDITOR_SERVERS: lines(options.editors),
      RD_CACHE_DIR: path.join(prefix, 'cache'),
    }).replace('worker_processes auto;', 'worker_processes 1;'),
  );
  const child: ChildProcess = spawn(NGINX, ['-c', conf, '-p', `${prefix}/`, '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', kill);
  const url = `http://127.0.0.1:${listen}`;
  try {
    await waitForOk(`${url}${options.readyPath}`, 10_000, () => child.exitCode === null);
  } catch (error: unknown) {
    kill();
    throw new Error(`nginx: ${error instanceof Error ? error.message : String(error)}; see ${prefix}/logs/error.log`);
  }
  return {
    url,
    prefix,
    process: child,
    async stop() {
      process.off('exit', kill);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      kill();
      await exited;
    },
  };
}
