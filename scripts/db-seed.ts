// `npm run db:seed`: inserts the demo data (idempotent: a second run changes nothing).
import { openForScript } from './open-database';
import { seedDemo } from '@/drizzle/seed/seed';

const connection = await openForScript({ prepareEmbedded: false });
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
