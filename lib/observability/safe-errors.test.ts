// Whatever goes wrong, a log line never holds a statement's parameters or PostgreSQL's DETAIL:
// a real database error of each kind, on both drivers, through describeError() and through
// the filtered console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDrivers } from '@/lib/db/testing';
import type { TestConnection } from '@/lib/db/testing';
import { describeError, installSafeConsole, requestContext } from './safe-errors';

const SECRET = 'HUBERT Angie <angie.hubert@exemple.fr>';

describe.each(testDrivers())('database errors in logs ($name)', (driver) => {
  let connection: TestConnection;
  beforeAll(async () => {
    connection = await driver.open();
    await connection.db.execute(
      sql`create table essai (nom text primary key, n int check (n > 0))`,
    );
  });
  afterAll(() => connection.close());

  async function errorOf(statement: ReturnType<typeof sql>): Promise<unknown> {
    return connection.db.execute(statement).then(
      () => {
        throw new Error('no error');
      },
      (error: unknown) => error,
    );
  }

  it('keeps the SQL state and the constraint, never the parameters nor the detail', async () => {
    await connection.db.execute(sql`insert into essai values (${SECRET}, 1)`);
    const errors = [
      await errorOf(sql`insert into essai values (${SECRET}, 2)`), // unique (DETAIL: Key…)
      await errorOf(sql`insert into essai values (${`${SECRET} 2`}, -1)`), // check
      await errorOf(sql`select ${`${SECRET}\u0000`}::text`), // NUL byte
      await errorOf(
        sql`do $$ begin raise exception 'x' using errcode = '40P01', detail = 'HUBERT Angie'; end $$`,
      ), // deadlock
    ];
    const logged = errors.map((e) =>
      requestContext.run({ route: '/bilans/[apprenantId]', requestId: 'r' }, () =>
        describeError(e),
      ),
    );
    expect(logged.map((l) => /SQLSTATE (\S+)/.exec(l)?.[1]?.replace(/[,(]$/, ''))).toEqual([
      '23505',
      '23514',
      expect.stringMatching(/^(22021|22P05|54000)$/),
      '40P01',
    ]);
    for (const line of logged) {
      expect(line).not.toMatch(/HUBERT|angie|Failed query|params/i);
      expect(line).toContain('(route /bilans/[apprenantId])');
    }
  });

  it('filters every console line of the process the same way', async () => {
    const error = await errorOf(sql`insert into essai values (${SECRET}, 3)`);
    const printed: string[] = [];
    // A console of the test's own: the process's stays as it is.
    const fake = {
      error: (...args: unknown[]) => printed.push(args.map(String).join(' ')),
      warn: () => undefined,
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
    };
    installSafeConsole(fake);
    fake.error('⨯', error);
    fake.error('[next-auth] CALLBACK_CREDENTIALS', { error, provider: 'credentials' });
    fake.error(`lot interrompu : ${(error as Error).message}`);
    const text = printed.join('\n');
    expect(text).toContain('SQLSTATE 23505');
    expect(text).not.toMatch(/HUBERT|angie|params/i);
  });
});

describe('the request’s route in logs', () => {
  it('is seen by every copy of this module (our server’s and the one in Next.js’s bundle)', async () => {
    // The server runs the request in its copy; a route handler describes its error in another.
    const { vi } = await import('vitest');
    vi.resetModules();
    const bundled = await import('./safe-errors');
    expect(bundled.requestContext).toBe(requestContext);
    const line = requestContext.run({ route: '/api/pronote/v1/bilans', requestId: 'r' }, () =>
      bundled.describeError(new Error('panne')),
    );
    expect(line).toContain('(route /api/pronote/v1/bilans)');
  });
});
