// `npm run import:bilans -- --uai <UAI> <fichier.ndjson>`: a school's history of bilans, one
// per line, through the same path as the API's batch (lib/alimentation/lots.ts): each line
// stands alone. Prints a summary — created, replaced, validated, unchanged, refused with
// their reasons — and exits 1 when a line was refused or in conflict.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openForScript } from './open-database';
import { etablissements } from '@/lib/db/schema';
import { processLot, splitLines } from '@/lib/alimentation/lots';
import { BODY_LIMITS } from '@/lib/http/body-limits';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { uai: { type: 'string' } },
});
const file = positionals[0];
if (!values.uai || !file || positionals.length > 1) {
  console.error('Usage : npm run import:bilans -- --uai <UAI> <fichier.ndjson>');
  process.exit(2);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let size = 0;
try {
  size = fs.statSync(file).size;
} catch {
  fail(`Fichier introuvable : ${file}`);
}
if (size > BODY_LIMITS.lot.bytes)
  fail(`Le fichier dépasse ${BODY_LIMITS.lot.label} : découpez-le en plusieurs lots.`);
const lines = splitLines(fs.readFileSync(file, 'utf8'));
if (!Array.isArray(lines)) fail(`Le fichier compte ${lines.trop} lignes : 10 000 au plus par lot.`);

const connection = await openForScript({ prepareEmbedded: true, statementTimeoutMs: 0 });
let code = 0;
try {
  const [etab] = await connection.db
    .select({ id: etablissements.id })
    .from(etablissements)
    .where(eq(etablissements.uai, values.uai.trim().toUpperCase()));
  if (!etab) {
    console.error(`Aucun établissement avec l’UAI ${values.uai}.`);
    code = 1;
  } else code = await importLines(etab.id);
} finally {
  await connection.close();
}
process.exit(code);

async function importLines(etablissementId: string): Promise<number> {
  const counts = new Map<string, number>();
  const refused: string[] = [];
  for await (const result of processLot(
    connection.db,
    { etablissementId, jetonId: null, libelle: 'npm run import:bilans' },
    lines as string[],
  )) {
    counts.set(result.statut, (counts.get(result.statut) ?? 0) + 1);
    if (result.erreurs) {
      refused.push(
        `ligne ${result.ligne}${result.source ? ` (${result.source})` : ''} : ${result.erreurs.map((e) => `${e.champ} — ${e.message}`).join(' ; ')}`,
      );
    }
  }
  const n = (statut: string) => counts.get(statut) ?? 0;
  console.log(
    `Créés : ${n('cree')} · remplacés : ${n('remplace')} · validés : ${n('valide')} · inchangés : ${n('inchange')} · refusés : ${n('refuse')} · en conflit (validés) : ${n('conflit')}`,
  );
  for (const line of refused) console.log(`  ${line}`);
  return refused.length > 0 ? 1 : 0;
}
