// The run's templates (vitest.global-setup.ts): a test file's database is a copy of one —
// its own, never shared with another file — and holds what the template holds.
import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { bilans, etablissements } from './schema';
import { testDrivers } from './testing';
import { DEMO_TEMPLATE } from '@/drizzle/seed/testing';

describe.each(testDrivers())('test databases ($name)', (driver) => {
  it('copies the demo template, each copy its own', async () => {
    const first = await driver.open({ template: DEMO_TEMPLATE });
    const second = await driver.open({ template: DEMO_TEMPLATE });
    try {
      expect(first.template).toBe(DEMO_TEMPLATE);
      const [demo] = await second.db.select({ n: count() }).from(bilans);
      expect(demo?.n).toBeGreaterThan(100);
      const schools = () => second.db.select({ n: count() }).from(etablissements);
      const [before] = await schools();
      await first.db.insert(etablissements).values({ uai: '0999777Z', nom: 'Lycée copie' });
      const [after] = await schools();
      expect(after?.n).toBe(before?.n);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('starts from the migrated schema when no template is asked for', async () => {
    const connection = await driver.open();
    try {
      const [row] = await connection.db.select({ n: count() }).from(bilans);
      expect(row?.n).toBe(0);
    } finally {
      await connection.close();
    }
  });
});
