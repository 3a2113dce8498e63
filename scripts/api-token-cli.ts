// The command line shared by `npm run pronote:token` and `npm run alimentation:token`:
// `--uai <UAI> [--label <text>]` creates a token of that kind (printed once); `--list
// [--uai <UAI>]` lists them; `--revoke <id>` revokes one. On the embedded database it refuses
// clearly while `npm start` holds it; on PostgreSQL it works at any time.
import { parseArgs } from 'node:util';
import { openForScript } from './open-database';
import { isUuid } from '@/lib/common/ids';
import {
  createApiTokenForUai,
  listApiTokens,
  revokeApiToken,
  type NatureJeton,
} from '@/lib/auth/api-tokens';

export async function runTokenCli(nature: NatureJeton, command: string, defaultLabel: string) {
  const { values } = parseArgs({
    options: {
      uai: { type: 'string' },
      label: { type: 'string' },
      list: { type: 'boolean', default: false },
      revoke: { type: 'string' },
    },
  });
  const usage = (): never => {
    console.error(
      `Usage : npm run ${command} -- --uai <UAI> [--label <texte>] | --list [--uai <UAI>] | --revoke <id>`,
    );
    process.exit(2);
  };
  if (!values.list && !values.revoke && !values.uai) usage();

  const connection = await openForScript({ prepareEmbedded: true });
  let code = 0;
  try {
    if (values.list) {
      const jetons = await listApiTokens(connection.db, nature, values.uai);
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
      if (await revokeApiToken(connection.db, nature, values.revoke))
        console.log(`Jeton ${values.revoke} révoqué.`);
      else {
        console.error(`Aucun jeton actif ${values.revoke}.`);
        code = 1;
      }
    } else {
      const cree = await createApiTokenForUai(
        connection.db,
        nature,
        values.uai!,
        values.label ?? defaultLabel,
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
}
