// `npm run admin:create -- --uai <UAI> --email <e-mail> [--nom <nom> --prenom <prénom>]`:
// creates the establishment's CPRO administrator (pages /administration) and prints their
// password once. On the embedded database it refuses clearly while `npm start` holds it.
import { parseArgs } from 'node:util';
import { openForScript } from './open-database';
import { createAdministrateur } from '@/lib/administration/comptes-administrateurs';
import { isRefus } from '@/lib/common/refus';

const { values } = parseArgs({
  options: {
    uai: { type: 'string' },
    email: { type: 'string' },
    nom: { type: 'string' },
    prenom: { type: 'string' },
  },
});
if (!values.uai || !values.email) {
  console.error(
    'Usage : npm run admin:create -- --uai <UAI> --email <courriel> [--nom <nom> --prenom <prénom>]',
  );
  process.exit(2);
}

const connection = await openForScript({ prepareEmbedded: true });
let code = 0;
try {
  const cree = await createAdministrateur(connection.db, {
    uai: values.uai,
    email: values.email,
    nom: values.nom,
    prenom: values.prenom,
  });
  console.log(
    `Compte administrateur ${values.email.trim().toLowerCase()} créé (${cree.id}).\n` +
      `Mot de passe, à transmettre maintenant (il ne sera plus affiché) :\n${cree.motDePasse}`,
  );
} catch (error) {
  if (!isRefus(error)) throw error;
  console.error(error.message);
  code = 1;
} finally {
  await connection.close();
}
process.exit(code);
