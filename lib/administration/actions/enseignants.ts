'use server';
// The teachers' page forms: the CSV (previewed, pending an hour) and its « Appliquer » (with
// the decision on each probable duplicate);
// deactivating and reactivating an account; linking and unlinking its ENT identity.
import { z } from 'zod';
import { adminAction } from '@/lib/actions/validated-action';
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import { isUuid } from '@/lib/common/ids';
import { FOURNISSEURS_ENT } from '@/lib/db/enums';
import { Refus } from '@/lib/common/refus';
import { dropPending, loadPending, storePending } from '../en-attente';
import { parseEnseignantsCsv } from '../enseignants/csv';
import { enseignantsFichierSchema } from '../enseignants/fichier';
import { applyEnseignants } from '../enseignants/import';
import { linkIdentite, setCompteActif, unlinkIdentite } from '../enseignants/comptes';
import { fichierField, fileBytes } from './fichier';

const ENSEIGNANTS_PATH = `${ADMINISTRATION_PATH}/enseignants`;
const NOT_FOUND = { redirect: `${ENSEIGNANTS_PATH}?fait=introuvable` };

const fournisseur = z.enum(FOURNISSEURS_ENT, {
  error: 'Choisissez l’ENT : OpenID Connect ou CAS.',
});

export const uploadEnseignants = adminAction({
  schema: z.object({ fichier: fichierField, fournisseur }),
  async run(context, data) {
    const bytes = await fileBytes(data.fichier, 'Choisissez le fichier CSV des enseignants.');
    let fichier;
    try {
      fichier = parseEnseignantsCsv(bytes, data.fournisseur);
    } catch (error) {
      if (error instanceof Refus) throw new Refus(error.message, 'fichier');
      throw error;
    }
    const id = await storePending(
      context.db,
      context.etablissementId,
      context.user.id,
      'enseignants',
      fichier,
    );
    return { redirect: `${ENSEIGNANTS_PATH}/import/${id}` };
  },
});

// The decisions on probable duplicates: `doublon-<line>` = `creer` or the account to link.
const decisionsSchema = z.record(z.string(), z.unknown()).transform(
  (fields) =>
    new Map(
      Object.entries(fields).flatMap(([name, value]) => {
        const ligne = /^doublon-(\d{1,7})$/.exec(name)?.[1];
        return ligne && typeof value === 'string' ? [[Number(ligne), value] as const] : [];
      }),
    ),
);

export const applyEnseignantsImport = adminAction<typeof decisionsSchema, [string]>({
  schema: decisionsSchema,
  async run(context, decisions, importId) {
    const pending = await loadPending(
      context.db,
      context.etablissementId,
      'enseignants',
      importId,
      enseignantsFichierSchema,
    );
    if (!pending) {
      throw new Refus(
        'Cet import n’existe plus (appliqué, ou prévisualisé il y a plus d’une heure) : déposez de nouveau le fichier.',
      );
    }
    await applyEnseignants(context, pending.contenu, {
      after: (tx) => dropPending(tx, context.etablissementId, importId),
      decisions,
    });
    return { redirect: `${ENSEIGNANTS_PATH}?fait=importe` };
  },
});

export const setActif = adminAction<z.ZodObject, [string, boolean]>({
  schema: z.object({}),
  async run(context, _data, utilisateurId, actif) {
    if (!isUuid(utilisateurId)) return NOT_FOUND;
    const done = await setCompteActif(context, utilisateurId, actif === true);
    return done
      ? { redirect: `${ENSEIGNANTS_PATH}?fait=${actif ? 'reactive' : 'desactive'}` }
      : NOT_FOUND;
  },
});

const lien = z.object({ fournisseur, identifiant: z.string().default('') });

export const linkEnt = adminAction<typeof lien, [string]>({
  schema: lien,
  async run(context, data, utilisateurId) {
    if (!isUuid(utilisateurId)) return NOT_FOUND;
    const done = await linkIdentite(context, utilisateurId, data.fournisseur, data.identifiant);
    return done ? { redirect: `${ENSEIGNANTS_PATH}?fait=lie` } : NOT_FOUND;
  },
});

export const unlinkEnt = adminAction<z.ZodObject<{ fournisseur: typeof fournisseur }>, [string]>({
  schema: z.object({ fournisseur }),
  async run(context, data, utilisateurId) {
    if (!isUuid(utilisateurId)) return NOT_FOUND;
    const done = await unlinkIdentite(context, utilisateurId, data.fournisseur);
    return done ? { redirect: `${ENSEIGNANTS_PATH}?fait=delie` } : NOT_FOUND;
  },
});
