// For tests: a migrated database holding the demo data, on one driver (lib/db/testing.ts),
// opened before a describe block's tests and closed — dropped, on PostgreSQL — after them.
import { afterAll, beforeAll } from 'vitest';
import type { TestConnection, TestDriver, TestOpenOptions } from '@/lib/db/testing';
import { seedDemo } from './seed';

/** The demo's « today »: the current period's bilans are those of the 2026-2027 year. */
export const TEST_TODAY = '2026-11-28';

/** The run's template holding the demo of TEST_TODAY (vitest.global-setup.ts). */
export const DEMO_TEMPLATE = 'demo';

export const demoTemplateFill = (db: Parameters<typeof seedDemo>[0]) => seedDemo(db, TEST_TODAY);

export function useDemoDatabase(
  driver: TestDriver,
  options: TestOpenOptions & { today?: string } = {},
): () => TestConnection {
  let connection: TestConnection | undefined;
  beforeAll(async () => {
    const today = options.today ?? TEST_TODAY;
    connection = await driver.open({
      logger: options.logger,
      statementTimeoutMs: options.statementTimeoutMs,
      template: today === TEST_TODAY ? DEMO_TEMPLATE : undefined,
    });
    if (connection.template !== DEMO_TEMPLATE) await seedDemo(connection.db, today);
  });
  afterAll(() => connection?.close());
  return () => {
    if (!connection) throw new Error('demo database not open yet (use it inside a test)');
    return connection;
  };
}
