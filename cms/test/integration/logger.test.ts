/**
 * The app's logger (config/logger.ts, compiled) as Strapi builds it, in a process of its own per
 * mode: errors are always written, each on one line, and every line carries an ISO 8601 time with
 * its offset (never a 12-hour clock).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CMS = path.join(__dirname, '..', '..');
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/;

/** Logs one line at each level, a two-line message and an Error, as the app would; returns what was written. */
function logAtEveryLevel(env: Record<string, string>): string[] {
  const script = `
    const { createLogger } = require('@strapi/logger');
    const config = require(${JSON.stringify(path.join(CMS, 'dist', 'config', 'logger.js'))}).default;
    const log = createLogger({ level: 'http', ...config });
    log.error('error-line');
    log.warn('warn-line');
    log.info('info-line');
    log.http('http-line');
    log.debug('debug-line');
    log.error('error-first\\nerror-second');
    log.error(new Error('thrown-error'));
  `;
  const r = spawnSync(process.execPath, ['-e', script], {
    cwd: CMS,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', TZ: 'America/Toronto', ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return (
    `${r.stdout}${r.stderr}`
      // eslint-disable-next-line no-control-regex -- strips the terminal's colour codes (ESC)
      .replace(/\u001b\[\d+m/g, '')
      .split('\n')
      .filter(Boolean)
  );
}

const has = (lines: string[], word: string) => lines.some((l) => l.includes(word));

describe('the logger', () => {
  for (const mode of ['development', 'production']) {
    describe(`in ${mode}`, () => {
      test('writes errors at every level setting, and nothing below the level', () => {
        for (const level of ['error', 'warn', 'info', 'http']) {
          const lines = logAtEveryLevel({ NODE_ENV: mode, STRAPI_LOG_LEVEL: level });
          assert.ok(has(lines, 'error-line'), `${mode}, ${level}: the error is written`);
          assert.ok(has(lines, 'thrown-error'), `${mode}, ${level}: the thrown error is written`);
          assert.equal(has(lines, 'warn-line'), level !== 'error', `${mode}, ${level}: warn`);
          assert.equal(has(lines, 'info-line'), level === 'info' || level === 'http', `${mode}, ${level}: info`);
          assert.equal(has(lines, 'http-line'), level === 'http', `${mode}, ${level}: http`);
          assert.ok(!has(lines, 'debug-line'), `${mode}, ${level}: debug`);
        }
      });

      test('writes each entry on one line, timed in ISO 8601 with the offset', () => {
        const lines = logAtEveryLevel({ NODE_ENV: mode, STRAPI_LOG_LEVEL: 'warn' });
        const multi = lines.filter((l) => l.includes('error-first'));
        assert.equal(multi.length, 1);
        assert.ok(multi[0]!.includes('error-second'), 'both lines of the message on one line');
        assert.ok(!lines.some((l) => /^\s+at /.test(l)), 'no stack frame on a line of its own');
        assert.equal(lines.length, 4, lines.join('\n'));
        for (const line of lines) {
          const time =
            mode === 'production'
              ? String((JSON.parse(line) as { timestamp?: unknown }).timestamp)
              : (/^\[([^\]]+)\]/.exec(line)?.[1] ?? '');
          assert.match(time, ISO_WITH_OFFSET, line);
          assert.ok(Math.abs(Date.parse(time) - Date.now()) < 60_000, `${time} is now`);
          assert.match(time, /-0[45]:00$/, 'local time in Toronto, with its offset');
        }
      });
    });
  }
});
