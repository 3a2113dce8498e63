'use server';
// The SIECLE import's forms: the upload (read in memory, previewed, kept as a pending import
// for an hour — never the file) and « Appliquer » (the pending import applied with the
// referentials chosen on the preview page, then removed, in one transaction).
import { z } from 'zod';
import { adminAction } from '@/lib/actions/validated-action';
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import { isUuid } from '@/lib/common/ids';
import { Refus } from '@/lib/common/refus';
import { dropPending, loadPending, storePending } from '../en-attente';
import { readSiecleUpload } from '../siecle/read';
import { siecleFichierSchema } from '../siecle/fichier';
import { applySiecle } from '../siecle/apply';
import { CHOIX_PREFIX, type ChoixReferentiels } from '../siecle/plan';
import { fichierField, fileBytes } from './fichier';

const SIECLE_PATH = `${ADMINISTRATION_PATH}/siecle`;

export const uploadSiecle = adminAction({
  schema: z.object({ fichier: fichierField }),
  async run(context, data) {
    const bytes = await fileBytes(
      data.fichier,
      'Choisissez le fichier ElevesSansAdresses.xml (ou son zip) exporté de SIECLE.',
    );
    const fichier = await readSiecleUpload(bytes, context.user.etablissement.uai).catch(
      (error: unknown) => {
        // A refusal of the file is about the file field.
        if (error instanceof Refus) throw new Refus(error.message, 'fichier');
        throw error;
      },
    );
    const id = await storePending(
      context.db,
      context.etablissementId,
      context.user.id,
      'siecle',
      fichier,
    );
    return { redirect: `${SIECLE_PATH}/${id}` };
  },
});

// The referential chosen for division CODE comes as `referentiel:CODE`.
const choix = z.record(z.string(), z.unknown());

export const applySiecleImport = adminAction<typeof choix, [string]>({
  schema: choix,
  async run(context, data, importId) {
    const pending = isUuid(importId)
      ? await loadPending(
          context.db,
          context.etablissementId,
          'siecle',
          importId,
          siecleFichierSchema,
        )
      : null;
    if (!pending) {
      throw new Refus(
        'Cet import n’existe plus (appliqué, ou prévisualisé il y a plus d’une heure) : déposez de nouveau le fichier.',
      );
    }
    const choisis: ChoixReferentiels = new Map();
    for (const [name, value] of Object.entries(data)) {
      if (name.startsWith(CHOIX_PREFIX) && typeof value === 'string' && isUuid(value)) {
        choisis.set(name.slice(CHOIX_PREFIX.length), value);
      }
    }
    await applySiecle(context, pending.contenu, choisis, {
      after: (tx) => dropPending(tx, context.etablissementId, importId),
    });
    return { redirect: `${SIECLE_PATH}?fait=applique` };
  },
});
