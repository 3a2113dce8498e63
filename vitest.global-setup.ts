// Once per `vitest run`: the databases every test file copies instead of migrating and seeding
// its own (lib/db/testing.ts) — the migrated schema and the demo of TEST_TODAY, on each driver.
import { buildTestTemplates } from '@/lib/db/testing';
import { DEMO_TEMPLATE, demoTemplateFill } from '@/drizzle/seed/testing';

export default async function setup(): Promise<() => Promise<void>> {
  const templates = await buildTestTemplates({ [DEMO_TEMPLATE]: demoTemplateFill });
  return () => templates.dispose();
}
