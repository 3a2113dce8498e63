// `npm run ent:link -- --email <e-mail> --fournisseur ent|cas --id <identifiant>`: links an
// ENT identity (OIDC `sub`, CAS user) to the existing teacher account of that e-mail
// (lib/auth/ent-identities.ts). Never creates an account. On the embedded database it
// refuses clearly while `npm start` holds it; on PostgreSQL it works at any time.
import { parseArgs } from 'node:util';
import { openForScript } from './open-database';
import { FOURNISSEURS_ENT, type FournisseurEnt } from '@/lib/db/enums';
import { linkEntIdentity } from '@/lib/auth/ent-identities';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    fournisseur: { type: 'string' },
    id: { type: 'string' },
  },
});

const fournisseur = FOURNISSEURS_ENT.find((f): f is FournisseurEnt => f === values.fournisseur);
if (!values.email || !fournisseur || !values.id) {
  console.error(
    'Usage : npm run ent:link -- --email <adresse> --fournisseur ent|cas --id <identifiant ENT>',
  );
  process.exit(2);
}

const connection = await openForScript({ prepareEmbedded: true });
let code = 0;
try {
  const result = await linkEntIdentity(connection.db, values.email, fournisseur, values.id);
  if (result === 'compte-inconnu') {
    console.error(`Aucun compte avec l'adresse ${values.email} : rien n'est lié.`);
    code = 1;
  } else {
    console.log(`Identité ${fournisseur} « ${values.id} » liée au compte ${values.email}.`);
  }
} catch (error) {
  console.error((error as Error).message);
  code = 1;
} finally {
  await connection.close();
}
process.exit(code);
