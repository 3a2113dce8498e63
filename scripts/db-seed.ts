// `npm run db:seed`: inserts the demo data (idempotent: a second run changes nothing).
import { openConfiguredDatabase } from '@/lib/db/client';
import { seedDemo } from '@/drizzle/seed/seed';

const connection = await openConfiguredDatabase({ prepareEmbedded: false }).catch(
  (error: Error) => {
    console.error(`[cpro] ${error.message}`);
    process.exit(1);
  },
);
try {
  await connection.migrate();
  const started = performance.now();
  const report = await seedDemo(connection.db);
  console.log(
    `[cpro] Données de démonstration en place (${connection.driver}) : ${report.etablissements} établissements, ` +
      `${report.apprenants} apprenants, ${report.bilans} bilans, ${report.positionnements} positionnements ` +
      `en ${Math.round(performance.now() - started)} ms.`,
  );
} finally {
  await connection.close();
}
