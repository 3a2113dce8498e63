'use server';
// The token pages' forms (PRONOTE's tokens and the write API's): create a token — shown once
// on the page itself, with a « Copier » button (it is stored hashed: nobody can show it
// again) — and revoke one. Each journaled in its transaction (lib/administration/jetons.ts).
import { z } from 'zod';
import { adminAction } from '@/lib/actions/validated-action';
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import type { NatureJeton } from '@/lib/auth/api-tokens';
import { createJeton, revokeJeton } from '../jetons';

const libelle = z.object({ libelle: z.string().default('') });

export const createToken = adminAction<typeof libelle, [NatureJeton]>({
  schema: libelle,
  async run(context, data, nature) {
    const created = await createJeton(
      context,
      z.enum(['pronote', 'alimentation']).parse(nature),
      data.libelle,
    );
    return { state: { status: 'ok', secret: created.jeton } };
  },
});

export const revokeToken = adminAction<z.ZodObject, [NatureJeton, string]>({
  schema: z.object({}),
  async run(context, _data, nature, jetonId) {
    const kind = z.enum(['pronote', 'alimentation']).parse(nature);
    const done = await revokeJeton(context, kind, jetonId);
    return {
      redirect: `${ADMINISTRATION_PATH}/${kind}?fait=${done ? 'revoque' : 'introuvable'}`,
    };
  },
});
