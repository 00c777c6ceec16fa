import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server of the head-office tests: TEST_PG_URL, which .ci/run sets after starting a
 * throwaway cluster (.ci/pg-cluster.sh). In CI its absence is a failure; elsewhere the tests are
 * skipped with a notice, so a developer without PostgreSQL can still run the rest.
 */
export function testPgUrl(): string | null {
  const url = process.env.TEST_PG_URL;
  if (url) return url;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(
      'TEST_PG_URL is not set: the head-office tests need a real PostgreSQL server. ' +
        '.ci/run installs postgresql and exports TEST_PG_URL via .ci/pg-cluster.sh.',
    );
  }
  process.stderr.write(
    '\n[head-office tests SKIPPED] TEST_PG_URL is not set. Start a server with\n' +
      '  eval "$(bash .ci/pg-cluster.sh start /tmp/pg-test)"\n\n',
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
