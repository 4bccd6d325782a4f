/**
 * npm run seed -w cms [-- --synthetic N] [-- --admin]
 * Loads the bilingual demo fixtures (idempotent); with --synthetic N, N generated organizations
 * on top (for load tests); with --admin, the demo admin account (DEMO_ADMIN_EMAIL/PASSWORD).
 * Synthetic organizations: the first min(N, 200) are written through the Document Service, the
 * others are SQL copies of them (lib/bulk-clone.ts; seconds for 10,000). Only missing ones are added.
 */
import { bootStrapi } from './lib/boot';
import { readFixtures } from '../src/operations/fixtures';
import { seed } from '../src/operations/seed';
import { ensureDemoAdmin } from './lib/admin';
import { seedSynthetic } from './lib/bulk-clone';
import { runScript } from './lib/startup-error';
import { closeStrapi } from '../src/startup/close';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const syntheticAt = args.indexOf('--synthetic');
  const synthetic = syntheticAt >= 0 ? Number(args[syntheticAt + 1]) : 0;
  if (!Number.isInteger(synthetic) || synthetic < 0) {
    console.error('seed: --synthetic takes a whole number, e.g. --synthetic 10000');
    return 2;
  }
  const fixtures = readFixtures();

  const strapi = await bootStrapi();
  try {
    const started = Date.now();
    const report = await seed(strapi, fixtures, {
      onProgress: (done, total) => {
        if (total > 200 && done % 1000 === 0) console.log(`seed: ${done}/${total} organizations`);
      },
    });
    console.log(
      `seed: ${report.created} created, ${report.updated} updated, ${report.rejected.length} problem(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const r of report.rejected) console.error(`seed: rejected ${r.record}: ${r.field} ${r.message}`);
    if (synthetic > 0) {
      const s = await seedSynthetic(strapi, { total: synthetic, fixtures, log: (line) => console.log(line) });
      const added = s.baseWritten + (s.cloned?.documents ?? 0);
      if (added === 0) console.log(`seed: ${synthetic} synthetic organizations already exist, nothing to add`);
      else {
        console.log(
          `seed: ${synthetic} synthetic organizations in ${(s.ms / 1000).toFixed(1)} s ` +
            `(${s.existing} already there, ${s.baseWritten} through the Document Service, ${s.cloned?.documents ?? 0} cloned)`,
        );
      }
    }
    if (args.includes('--admin')) {
      const email = process.env.DEMO_ADMIN_EMAIL || 'admin@example.org';
      const password = process.env.DEMO_ADMIN_PASSWORD || '';
      if (password) {
        const result = await ensureDemoAdmin(strapi, email, password);
        console.log(`seed: demo admin ${email} ${result === 'created' ? 'created' : 'already exists'}`);
      }
    }
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    await closeStrapi(strapi);
  }
}

runScript('seed', main);
