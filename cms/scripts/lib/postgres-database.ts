/**
 * A throwaway database on the PostgreSQL cluster that DATABASE_URL names, for a test file or a
 * benchmark run: created empty with a random name, dropped (connections and all) when done.
 */
import { randomBytes } from 'node:crypto';

export async function throwawayPostgresDatabase(baseUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  // Loaded only on PostgreSQL runs.
  const { Client } = (await import('pg')).default;
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const run = async (sql: string) => {
    const c = new Client({ connectionString: baseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
