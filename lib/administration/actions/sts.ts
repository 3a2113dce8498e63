'use server';
// The STS-Web import's forms: the upload (read in memory, previewed, kept as a pending import
// for an hour — never the file) and « Appliquer » (the pending import applied to the teams,
// then removed, in one transaction).
import { z } from 'zod';
import { adminAction } from '@/lib/actions/validated-action';
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import { Refus } from '@/lib/common/refus';
import { dropPending, loadPending, storePending } from '../en-attente';
import { readStsUpload } from '../sts/read';
import { stsFichierSchema } from '../sts/fichier';
import { applySts } from '../sts/apply';
import { fichierField, fileBytes } from './fichier';

const STS_PATH = `${ADMINISTRATION_PATH}/sts`;

export const uploadSts = adminAction({
  schema: z.object({ fichier: fichierField }),
  async run(context, data) {
    const bytes = await fileBytes(
      data.fichier,
      'Choisissez le fichier sts_emp_<UAI>_<année>.xml (ou son zip) exporté de STS-Web.',
    );
    const fichier = await readStsUpload(bytes, context.user.etablissement.uai).catch(
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
      'sts',
      fichier,
    );
    return { redirect: `${STS_PATH}/${id}` };
  },
});

export const applyStsImport = adminAction<z.ZodObject, [string]>({
  schema: z.object({}),
  async run(context, _data, importId) {
    const pending = await loadPending(
      context.db,
      context.etablissementId,
      'sts',
      importId,
      stsFichierSchema,
    );
    if (!pending) {
      throw new Refus(
        'Cet import n’existe plus (appliqué, ou prévisualisé il y a plus d’une heure) : déposez de nouveau le fichier.',
      );
    }
    await applySts(context, pending.contenu, {
      after: (tx) => dropPending(tx, context.etablissementId, importId),
    });
    return { redirect: `${ADMINISTRATION_PATH}/classes?fait=sts` };
  },
});
