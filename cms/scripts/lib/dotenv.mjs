// Creates cms/.env from .env.example on first run, replacing every `change-me` secret with a
// fresh random value, so a fresh clone starts without anyone pasting secrets.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

const secret = () => randomBytes(24).toString('base64url');

export function ensureDotEnv(cmsDir) {
  const target = join(cmsDir, '.env');
  if (existsSync(target)) return false;
  const example = readFileSync(join(cmsDir, '.env.example'), 'utf8');
  writeFileSync(
    target,
    example.replace(/change-me(-\d+)?/g, () => secret()),
    { mode: 0o600 },
  );
  return true;
}
