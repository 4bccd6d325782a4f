#!/usr/bin/env node
// A server-side staff script: lists records due for review and suspended ones, with their
// designated contacts, through the internal API. Needs an API token (Strapi admin → Settings →
// API Tokens, custom, with the api::directory.internal actions). Never run this in a browser.
// Usage: DIRECTORY_API_URL=http://localhost:1337 DIRECTORY_API_TOKEN=… node scripts/staff.mjs
import { createInternalClient, isDirectoryError } from '@referral-directory/sdk';

const token = process.env.DIRECTORY_API_TOKEN;
if (!token) {
  console.error('Set DIRECTORY_API_TOKEN to a Strapi API token that grants the internal directory actions.');
  process.exit(2);
}
const staff = createInternalClient({ baseUrl: process.env.DIRECTORY_API_URL ?? 'http://localhost:1337', token });
const today = new Date().toISOString().slice(0, 10);

try {
  let due = 0;
  for await (const o of staff.organizations.all({ status: ['active', 'suspended'] })) {
    if (o.status === 'suspended' || (o.nextReviewDue && o.nextReviewDue <= today)) {
      due++;
      const who = o.designatedContact
        ? `${o.designatedContact.name} <${o.designatedContact.email ?? 'no email'}>`
        : 'no designated contact';
      console.log(`${o.status.padEnd(9)} ${o.nextReviewDue ?? '—'.padEnd(10)} ${o.name} — ${who}`);
    }
  }
  const protocols = await staff.protocols.list({ pageSize: 100 });
  console.log(`\n${due} record(s) to follow up; ${protocols.meta.total} law-enforcement protocol(s) on file.`);
} catch (error) {
  // SDK errors never contain the token.
  console.error(isDirectoryError(error) ? error.message : String(error));
  process.exit(1);
}
