// The periods page posts: add a period, correct one, remove one PRONOTE never read.
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import { createPeriode, deletePeriode, updatePeriode } from '../periodes';
import { field, handleAdminPost, seeOther } from './post';

export const PERIODES_PATH = `${ADMINISTRATION_PATH}/periodes`;
const BACK = { href: PERIODES_PATH, label: 'Retour aux périodes' };

function saisie(form: FormData) {
  return { libelle: field(form, 'libelle'), debut: field(form, 'debut'), fin: field(form, 'fin') };
}

export function addPeriode(request: Request): Promise<Response> {
  return handleAdminPost(request, { back: BACK }, async ({ administrateur, acteur, form, db }) => {
    await createPeriode(db, administrateur.etablissement.id, saisie(form), acteur);
    return seeOther(`${PERIODES_PATH}?fait=creee`);
  });
}

export function editPeriode(request: Request, periodeId: string): Promise<Response> {
  return handleAdminPost(request, { back: BACK }, async ({ administrateur, acteur, form, db }) => {
    const done = await updatePeriode(
      db,
      administrateur.etablissement.id,
      periodeId,
      saisie(form),
      acteur,
    );
    return seeOther(`${PERIODES_PATH}?fait=${done ? 'modifiee' : 'introuvable'}`);
  });
}

export function removePeriode(request: Request, periodeId: string): Promise<Response> {
  return handleAdminPost(request, { back: BACK }, async ({ administrateur, acteur, db }) => {
    const done = await deletePeriode(db, administrateur.etablissement.id, periodeId, acteur);
    return seeOther(`${PERIODES_PATH}?fait=${done ? 'supprimee' : 'introuvable'}`);
  });
}
