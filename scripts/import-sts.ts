// `npm run import:sts -- --uai <UAI> [--appliquer] <fichier.xml|.zip>`: the same STS-Web import
// as the administration page (/administration/sts). Without --appliquer it prints the preview
// and changes nothing; with it, it applies (one transaction). Exit 0 on success; a refusal
// exits 1 with its French message on stderr, nothing written. On the embedded database it
// refuses while `npm start` holds it (use the page then); on PostgreSQL it runs any time.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openForScript } from './open-database';
import { etablissements } from '@/lib/db/schema';
import { isRefus, Refus } from '@/lib/common/refus';
import { readStsUpload } from '@/lib/administration/sts/read';
import { loadEtatEquipes } from '@/lib/administration/sts/state';
import { changesNothing, planSts } from '@/lib/administration/sts/plan';
import { applySts } from '@/lib/administration/sts/apply';
import { stsReport } from '@/lib/administration/sts/report';
import { STS_FORMAT } from '@/lib/administration/sts/limits';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    uai: { type: 'string' },
    appliquer: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!values.uai || !file || positionals.length > 1) {
  console.error('Usage : npm run import:sts -- --uai <UAI> [--appliquer] <fichier.xml|.zip>');
  process.exit(2);
}

function readFile(path: string): Uint8Array {
  let size: number;
  try {
    size = fs.statSync(path).size;
  } catch {
    throw new Refus(`Fichier introuvable : ${path}`);
  }
  if (size > STS_FORMAT.maxBytes) throw new Refus(`Le fichier dépasse ${STS_FORMAT.maxLabel}.`);
  return fs.readFileSync(path);
}

const connection = await openForScript({ prepareEmbedded: true, statementTimeoutMs: 0 });
let code = 0;
try {
  const db = connection.db;
  const [etab] = await db
    .select({ id: etablissements.id, uai: etablissements.uai })
    .from(etablissements)
    .where(eq(etablissements.uai, values.uai.trim().toUpperCase()));
  if (!etab) throw new Refus(`Aucun établissement avec l’UAI ${values.uai}.`);
  const fichier = await readStsUpload(readFile(file), etab.uai);
  const plan = planSts(fichier, await loadEtatEquipes(db, etab.id, fichier.anneeScolaire));
  console.log(stsReport(plan));
  if (!values.appliquer) {
    console.log('\nAperçu seulement : rien n’a été modifié (ajoutez --appliquer pour appliquer).');
  } else if (changesNothing(plan)) {
    console.log('\nRien à modifier : les équipes correspondent déjà au fichier.');
  } else {
    await applySts(
      { db, etablissementId: etab.id, acteur: { kind: 'script', libelle: 'npm run import:sts' } },
      fichier,
    );
    console.log('\nImport appliqué.');
  }
} catch (error) {
  if (!isRefus(error)) throw error;
  console.error(error.message);
  code = 1;
} finally {
  await connection.close();
}
process.exit(code);
