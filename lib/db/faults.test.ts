// The pool survives what a real PostgreSQL does to it: slow statements are cancelled
// without holding connections, and connections killed by a restart are replaced; its
// sessions run without JIT (lib/db/connect.ts says why).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { connectPostgres, type Connection } from './connect';
import { pgErrorCode } from './testing';
import { rowsOf } from './rows';
import { isDatabaseUnavailable } from './unavailable';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const APP = `cpro-faults-${process.pid}`;

describe.skipIf(!url)('PostgreSQL pool under faults', () => {
  let connection: Connection;
  beforeAll(() => {
    connection = connectPostgres(url!, {
      poolSize: 2,
      statementTimeoutMs: 300,
      applicationName: APP,
    });
  });
  afterAll(() => connection?.close());

  it('cancels slow statements and frees the pool for the next request', async () => {
    const slow = await Promise.allSettled(
      Array.from({ length: 4 }, () => connection.db.execute(sql`select pg_sleep(30)`)),
    );
    for (const outcome of slow) {
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') {
        expect(pgErrorCode(outcome.reason)).toBe('57014');
        expect(isDatabaseUnavailable(outcome.reason)).toBe(true);
      }
    }
    const [row] = rowsOf<{ ok: number }>(await connection.db.execute(sql`select 1 as ok`));
    expect(row?.ok).toBe(1);
  });

  it('never JIT-compiles: its statements take less time than a compilation', async () => {
    const [row] = rowsOf<{ jit: string }>(await connection.db.execute(sql`show jit`));
    expect(row?.jit).toBe('off');
  });

  it('replaces connections terminated by the server (what a restart does)', async () => {
    await connection.db.execute(sql`select 1`);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where application_name = $1 and pid <> pg_backend_pid()`,
        [APP],
      );
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // The killed idle clients are dropped by the pool; at most one request sees the error.
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(
        await connection.db.execute(sql`select 1 as ok`).then(
          () => 'ok',
          (error: unknown) => (isDatabaseUnavailable(error) ? 'unavailable' : 'bug'),
        ),
      );
    }
    expect(outcomes).not.toContain('bug');
    expect(outcomes.at(-1)).toBe('ok');
  });
});
