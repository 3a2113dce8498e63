'use server';
// The periods page's forms (/administration/periodes): add a period, correct one, remove one
// PRONOTE never read — each a Server Action (lib/actions/validated-action.ts), journaled in its
// transaction (lib/administration/periodes.ts).
import { z } from 'zod';
import { adminAction } from '@/lib/actions/validated-action';
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import { createPeriode, deletePeriode, updatePeriode } from '../periodes';

const PERIODES_PATH = `${ADMINISTRATION_PATH}/periodes`;

// The dates and the label are checked by the use case (checkSaisie), each refusal beside its
// field; here, only that they are texts.
const saisie = z.object({
  libelle: z.string().default(''),
  debut: z.string().default(''),
  fin: z.string().default(''),
  cloture: z.string().default(''),
});

export const addPeriode = adminAction({
  schema: saisie,
  async run(context, data) {
    await createPeriode(context, data);
    return { redirect: `${PERIODES_PATH}?fait=creee` };
  },
});

export const editPeriode = adminAction<typeof saisie, [string]>({
  schema: saisie,
  async run(context, data, periodeId) {
    const done = await updatePeriode(context, periodeId, data);
    return { redirect: `${PERIODES_PATH}?fait=${done ? 'modifiee' : 'introuvable'}` };
  },
});

export const removePeriode = adminAction<z.ZodObject, [string]>({
  schema: z.object({}),
  async run(context, _data, periodeId) {
    const done = await deletePeriode(context, periodeId);
    return { redirect: `${PERIODES_PATH}?fait=${done ? 'supprimee' : 'introuvable'}` };
  },
});
