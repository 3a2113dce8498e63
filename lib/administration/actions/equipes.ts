'use server';
// The classes page's forms (/administration/classes): a teacher added to a class's team, or
// removed from it — each journaled in its transaction (lib/administration/equipes.ts).
import { z } from 'zod';
import { adminAction } from '@/lib/actions/validated-action';
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import { addToTeam, removeFromTeam } from '../equipes';

const CLASSES_PATH = `${ADMINISTRATION_PATH}/classes`;

const choix = z.object({ enseignant: z.string({ error: 'Choisissez un enseignant.' }) });

export const addTeacher = adminAction<typeof choix, [string]>({
  schema: choix,
  async run(context, data, classeId) {
    const done = await addToTeam(context, classeId, data.enseignant);
    return {
      redirect: `${CLASSES_PATH}?fait=${done ? 'ajoute' : 'introuvable'}#classe-${classeId}`,
    };
  },
});

export const removeTeacher = adminAction<z.ZodObject, [string, string]>({
  schema: z.object({}),
  async run(context, _data, classeId, utilisateurId) {
    const done = await removeFromTeam(context, classeId, utilisateurId);
    return {
      redirect: `${CLASSES_PATH}?fait=${done ? 'retire' : 'introuvable'}#classe-${classeId}`,
    };
  },
});
