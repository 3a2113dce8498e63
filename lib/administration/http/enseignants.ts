// The teachers' page posts: the CSV (previewed, pending an hour) and its « Appliquer »;
// deactivating and reactivating an account; linking and unlinking its ENT identity.
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import { isUuid } from '@/lib/common/ids';
import { FOURNISSEURS_ENT, type FournisseurEnt } from '@/lib/db/enums';
import { Refus } from '../refus';
import { dropPending, loadPending, storePending } from '../en-attente';
import { parseEnseignantsCsv } from '../enseignants/csv';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { enseignantsFichierSchema } from '../enseignants/fichier';
import { applyEnseignants } from '../enseignants/import';
import { linkIdentite, setCompteActif, unlinkIdentite } from '../enseignants/comptes';
import { field, fileField, handleAdminPost, seeOther } from './post';

export const ENSEIGNANTS_PATH = `${ADMINISTRATION_PATH}/enseignants`;
const BACK = { href: ENSEIGNANTS_PATH, label: 'Retour aux enseignants' };

function fournisseurOf(value: string | null): FournisseurEnt {
  const found = FOURNISSEURS_ENT.find((f) => f === value);
  if (!found) throw new Refus('Choisissez l’ENT : OpenID Connect ou CAS.');
  return found;
}

function notFound(): Response {
  return seeOther(`${ENSEIGNANTS_PATH}?fait=introuvable`);
}

export function uploadEnseignants(request: Request): Promise<Response> {
  return handleAdminPost(
    request,
    { limit: BODY_LIMITS.enseignants, back: BACK },
    async ({ administrateur, form, db }) => {
      const bytes = await fileField(form, 'fichier');
      if (!bytes) throw new Refus('Choisissez le fichier CSV des enseignants.');
      const fichier = parseEnseignantsCsv(bytes, fournisseurOf(field(form, 'fournisseur')));
      const id = await storePending(
        db,
        administrateur.etablissement.id,
        administrateur.id,
        'enseignants',
        fichier,
      );
      return seeOther(`${ENSEIGNANTS_PATH}/import/${id}`);
    },
  );
}

export function applyEnseignantsImport(request: Request, importId: string): Promise<Response> {
  return handleAdminPost(request, { back: BACK }, async ({ administrateur, acteur, db }) => {
    const etablissementId = administrateur.etablissement.id;
    const pending = await loadPending(
      db,
      etablissementId,
      'enseignants',
      importId,
      enseignantsFichierSchema,
    );
    if (!pending) {
      throw new Refus(
        'Cet import n’existe plus (appliqué, ou prévisualisé il y a plus d’une heure) : déposez de nouveau le fichier.',
      );
    }
    await applyEnseignants(db, etablissementId, pending.contenu, acteur, {
      after: (tx) => dropPending(tx, etablissementId, importId),
    });
    return seeOther(`${ENSEIGNANTS_PATH}?fait=importe`);
  });
}

export function setActif(
  request: Request,
  utilisateurId: string,
  actif: boolean,
): Promise<Response> {
  return handleAdminPost(request, { back: BACK }, async ({ administrateur, acteur, db }) => {
    if (!isUuid(utilisateurId)) return notFound();
    const done = await setCompteActif(
      db,
      administrateur.etablissement.id,
      utilisateurId,
      actif,
      acteur,
    );
    return done
      ? seeOther(`${ENSEIGNANTS_PATH}?fait=${actif ? 'reactive' : 'desactive'}`)
      : notFound();
  });
}

export function linkEnt(request: Request, utilisateurId: string): Promise<Response> {
  return handleAdminPost(request, { back: BACK }, async ({ administrateur, acteur, form, db }) => {
    if (!isUuid(utilisateurId)) return notFound();
    const done = await linkIdentite(
      db,
      administrateur.etablissement.id,
      utilisateurId,
      fournisseurOf(field(form, 'fournisseur')),
      field(form, 'identifiant') ?? '',
      acteur,
    );
    return done ? seeOther(`${ENSEIGNANTS_PATH}?fait=lie`) : notFound();
  });
}

export function unlinkEnt(request: Request, utilisateurId: string): Promise<Response> {
  return handleAdminPost(request, { back: BACK }, async ({ administrateur, acteur, form, db }) => {
    if (!isUuid(utilisateurId)) return notFound();
    const done = await unlinkIdentite(
      db,
      administrateur.etablissement.id,
      utilisateurId,
      fournisseurOf(field(form, 'fournisseur')),
      acteur,
    );
    return done ? seeOther(`${ENSEIGNANTS_PATH}?fait=delie`) : notFound();
  });
}
