// `npm run import:siecle -- --uai <UAI> [--referentiel <CODE_STRUCTURE>=<SN|CIEL>]… [--appliquer] <fichier.xml|.zip>`:
// the same SIECLE import as the administration page. Without --appliquer it prints the
// preview and changes nothing; with it, it applies (one transaction). Exit 0 on success; a
// refusal exits 1 with its French message on stderr, nothing written. On the embedded database
// it refuses while `npm start` holds it (use the page then); on PostgreSQL it runs any time.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openForScript } from './open-database';
import { etablissements } from '@/lib/db/schema';
import { isRefus, Refus } from '@/lib/common/refus';
import { readSiecleUpload } from '@/lib/administration/siecle/read';
import { loadEtat } from '@/lib/administration/siecle/state';
import {
  blockingProblems,
  changesNothing,
  planImport,
  type ChoixReferentiels,
} from '@/lib/administration/siecle/plan';
import { applySiecle } from '@/lib/administration/siecle/apply';
import { planReport } from '@/lib/administration/siecle/report';
import { SIECLE_MAX_BYTES, SIECLE_MAX_LABEL } from '@/lib/administration/siecle/limits';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    uai: { type: 'string' },
    referentiel: { type: 'string', multiple: true, default: [] },
    appliquer: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!values.uai || !file || positionals.length > 1) {
  console.error(
    'Usage : npm run import:siecle -- --uai <UAI> [--referentiel <DIVISION>=<SN|CIEL>]… [--appliquer] <fichier.xml|.zip>',
  );
  process.exit(2);
}

function readFile(path: string): Uint8Array {
  let size: number;
  try {
    size = fs.statSync(path).size;
  } catch {
    throw new Refus(`Fichier introuvable : ${path}`);
  }
  if (size > SIECLE_MAX_BYTES) throw new Refus(`Le fichier dépasse ${SIECLE_MAX_LABEL}.`);
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
  const fichier = await readSiecleUpload(readFile(file), etab.uai);
  const etat = await loadEtat(db, etab.id, fichier.anneeScolaire);
  const choix: ChoixReferentiels = new Map();
  for (const option of values.referentiel) {
    const [division, sigle] = option.split('=');
    const referentiel = etat.referentiels.find((r) => r.sigle === sigle?.trim().toUpperCase());
    if (!division || !referentiel) {
      throw new Refus(
        `--referentiel « ${option} » : attendu <DIVISION>=<${etat.referentiels.map((r) => r.sigle).join('|')}>.`,
      );
    }
    choix.set(division.trim(), referentiel.id);
  }
  const plan = planImport(fichier, etat, choix);
  console.log(planReport(plan, fichier.eleves.length));
  if (!values.appliquer) {
    console.log('\nAperçu seulement : rien n’a été modifié (ajoutez --appliquer pour appliquer).');
    if (blockingProblems(plan).length > 0) code = 1;
  } else if (changesNothing(plan) && blockingProblems(plan).length === 0) {
    console.log('\nRien à modifier : la base correspond déjà au fichier.');
  } else {
    await applySiecle(
      {
        db,
        etablissementId: etab.id,
        acteur: { kind: 'script', libelle: 'npm run import:siecle' },
      },
      fichier,
      choix,
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
