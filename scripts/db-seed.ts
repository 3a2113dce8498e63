// `npm run db:seed`: inserts the demo data (idempotent: a second run changes nothing).
// `npm run db:seed -- --scale national` adds national-size data on top (PostgreSQL only):
// ≈ 600 establishments, 40 000 pupils, 240 000 bilans, 5 million positionnements.
import { parseArgs } from 'node:util';
import { openForScript } from './open-database';
import { appConfigOrExit } from '@/lib/config/env';
import { seedDemo } from '@/drizzle/seed/seed';
import { NATIONAL, seedNational } from '@/drizzle/seed/national';
import { todayInParis } from '@/lib/common/dates';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    etablissements: { type: 'string' },
  },
});
if (values.scale !== 'demo' && values.scale !== 'national') {
  console.error('Usage : npm run db:seed [-- --scale national [--etablissements <n>]]');
  process.exit(2);
}
if (values.scale === 'national' && !appConfigOrExit().databaseUrl) {
  console.error(
    "[cpro] L'échelle nationale demande un vrai PostgreSQL : définissez DATABASE_URL (la base embarquée n'est pas faite pour 5 millions de lignes).",
  );
  process.exit(2);
}

// Bulk inserts of millions of rows run longer than the server's 10-second statement limit.
const connection = await openForScript({ prepareEmbedded: false, statementTimeoutMs: 0 });
try {
  await connection.migrate();
  const started = performance.now();
  const report = await seedDemo(connection.db);
  console.log(
    `[cpro] Données de démonstration en place (${connection.driver}) : ${report.etablissements} établissements, ` +
      `${report.apprenants} apprenants, ${report.bilans} bilans, ${report.positionnements} positionnements ` +
      `en ${Math.round(performance.now() - started)} ms.`,
  );
  if (values.scale === 'national') {
    const nationalStarted = performance.now();
    const etablissements = Number(values.etablissements ?? NATIONAL.etablissements);
    const national = await seedNational(connection.db, todayInParis(), {
      ...NATIONAL,
      etablissements,
    });
    const seconds = ((performance.now() - nationalStarted) / 1000).toFixed(1);
    for (const { step, ms } of national.steps) console.log(`  ${step.padEnd(16)} ${ms} ms`);
    console.log(
      `[cpro] Échelle nationale ${national.skipped ? 'déjà en place' : 'créée'} en ${seconds} s : ` +
        `${national.etablissements} établissements, ${national.classes} classes, ${national.apprenants} apprenants, ` +
        `${national.bilans} bilans, ${national.positionnements} positionnements (toutes bases confondues).`,
    );
  }
} finally {
  await connection.close();
}
