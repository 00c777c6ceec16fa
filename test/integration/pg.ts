import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * The PostgreSQL server of the head-office tests. Vitest's global setup (test/support/pg-global-setup.ts)
 * provides it: TEST_PG_URL when set, else a throwaway cluster it starts. Without PostgreSQL installed the
 * setup already failed the run under CI; elsewhere the tests are skipped, so a developer without
 * PostgreSQL can still run the rest.
 */
export function testPgUrl(): string | null {
  const url = inject('testPgUrl') ?? process.env.TEST_PG_URL ?? null;
  if (url) return url;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(
      'No PostgreSQL for the head-office tests: install the server binaries (apt-get install -y postgresql) ' +
        'or set TEST_PG_URL.',
    );
  }
  process.stderr.write(
    '\n[head-office tests SKIPPED] no PostgreSQL: apt-get install -y postgresql, or set TEST_PG_URL.\n\n',
  );
  return null;
}

/** A new, empty database on the test server, dropped by `drop()`. */
export async function freshDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ho_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
