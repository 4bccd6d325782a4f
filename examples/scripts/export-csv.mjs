#!/usr/bin/env node
// Writes the public directory to CSV with the SDK, as a partner's nightly job would.
// Usage: DIRECTORY_API_URL=http://localhost:1337 node scripts/export-csv.mjs [--locale fr] [--province QC] > directory.csv
import { createDirectoryClient } from '@referral-directory/sdk';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const locale = option('locale') ?? 'en';
const province = option('province');
const client = createDirectoryClient({ baseUrl: process.env.DIRECTORY_API_URL ?? 'http://localhost:1337', locale });

const COLUMNS = [
  'slug',
  'name',
  'kind',
  'role',
  'provinces',
  'services',
  'languages',
  'phones',
  'email',
  'website',
  'open24x7',
  'lastVerified',
];
const cell = (v) => {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${s.replace(/^([=+\-@\t])/, "'$1").replace(/"/g, '""')}"` : s;
};

process.stdout.write(`${COLUMNS.join(',')}\r\n`);
let count = 0;
for await (const o of client.organizations.all(province ? { province } : {})) {
  const row = [
    o.slug,
    o.name,
    o.kind,
    o.role,
    o.provinces.join(' '),
    o.services.map((s) => s.label).join('; '),
    o.languages.map((l) => l.label).join('; '),
    o.phones.map((p) => p.number).join('; '),
    o.email,
    o.website,
    o.hours.open24x7,
    o.lastVerified,
  ];
  process.stdout.write(`${row.map(cell).join(',')}\r\n`);
  count++;
}
process.stderr.write(`exported ${count} organizations (${locale})\n`);
