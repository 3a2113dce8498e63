// `npm run pronote:token -- --uai <UAI> [--label <text>]`: creates a token (printed once);
// `--list [--uai <UAI>]` lists them; `--revoke <id>` revokes one. On the embedded database it
// refuses clearly while `npm start` holds it; on PostgreSQL it works at any time.
import { parseArgs } from 'node:util';
import { openForScript } from './open-database';
import { isUuid } from '@/lib/common/ids';
import { createPronoteToken, listPronoteTokens, revokePronoteToken } from '@/lib/pronote/tokens';

const { values } = parseArgs({
  options: {
    uai: { type: 'string' },
    label: { type: 'string' },
    list: { type: 'boolean', default: false },
    revoke: { type: 'string' },
  },
});

function usage(): never {
  console.error(
    'Usage : npm run pronote:token -- --uai <UAI> [--label <texte>] | --list [--uai <UAI>] | --revoke <id>',
  );
  process.exit(2);
}

if (!values.list && !values.revoke && !values.uai) usage();

const connection = await openForScript({ prepareEmbedded: true });
let code = 0;
try {
  if (values.list) {
    const jetons = await listPronoteTokens(connection.db, values.uai);
    if (jetons.length === 0) console.log('Aucun jeton.');
    for (const j of jetons) {
      const etat = j.revoqueLe ? `révoqué le ${j.revoqueLe.toISOString()}` : 'actif';
      const usage = j.dernierUsageLe
        ? `dernier usage ${j.dernierUsageLe.toISOString()}`
        : 'jamais utilisé';
      console.log(`${j.id}  ${j.uai}  ${j.prefixe}…  « ${j.libelle} »  ${etat}, ${usage}`);
    }
  } else if (values.revoke) {
    if (!isUuid(values.revoke)) usage();
    if (await revokePronoteToken(connection.db, values.revoke))
      console.log(`Jeton ${values.revoke} révoqué.`);
    else {
      console.error(`Aucun jeton actif ${values.revoke}.`);
      code = 1;
    }
  } else {
    const cree = await createPronoteToken(
      connection.db,
      values.uai!,
      values.label ?? 'Connecteur PRONOTE',
    );
    if (!cree) {
      console.error(`Aucun établissement avec l'UAI ${values.uai}.`);
      code = 1;
    } else {
      console.log(
        `Jeton créé (${cree.id}). Copiez-le maintenant, il ne sera plus affiché :\n${cree.jeton}`,
      );
    }
  }
} finally {
  await connection.close();
}
process.exit(code);
