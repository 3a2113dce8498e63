'use server';
// « Saisie de la classe »'s forms (/classes/<classeId>/saisie), Server Actions through
// teacherAction (session and role checked inside, NUL refused):
// - `saveGrid`: the grid as a form, without JavaScript — every changed row saved as its
//   pupil's draft by the same domain function as the grid's row saves (saveLevels), each row on
//   its own (one refused or changed meanwhile does not stop the others);
// - `validateGrid`: the chosen complete drafts, `valider` to see the list and confirm, then
//   `confirmer`: each validated on its own at the version shown (validateDraft), an incomplete
//   or changed one refused by name, the others validated.
// Fields: `source:<apprenantId>`, `version:<apprenantId>`, `avant:<apprenantId>` (the row's
// levels as drawn, so that an untouched row writes nothing), `niveau:<apprenantId>:<code>`,
// `valider:<apprenantId>` (`<source>|<version>`).
import { revalidatePath } from 'next/cache';
import { forbidden, notFound } from 'next/navigation';
import { z } from 'zod';
import {
  teacherAction,
  type ActionContext,
  type ActionOutcome,
} from '@/lib/actions/validated-action';
import type { Teacher } from '@/lib/auth/session';
import { NIVEAUX, type Niveau } from '@/lib/db/enums';
import { normalizeUuid } from '@/lib/common/ids';
import { saveLevels, validateDraft, quand, type Redacteur } from '@/lib/redaction/enregistrer';
import { classSaisiePath } from '@/lib/http/paths';
import { levelsKey } from './ui/fields';

/** A class's rows at most (a form larger than any class is not ours). */
const MAX_LIGNES = 200;

const formSchema = z.record(z.string(), z.unknown());

function redacteurOf(context: ActionContext<Teacher>): Redacteur {
  return {
    utilisateurId: context.user.id,
    libelle: `${context.user.prenom} ${context.user.nom}`,
  };
}

function text(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value : '';
}

function rowIds(data: Record<string, unknown>, prefix: string): string[] {
  const ids = Object.keys(data)
    .filter((name) => name.startsWith(prefix))
    .map((name) => name.slice(prefix.length))
    .filter((id) => normalizeUuid(id) === id);
  return [...new Set(ids)].slice(0, MAX_LIGNES);
}

function levelsOfRow(data: Record<string, unknown>, id: string) {
  const prefix = `niveau:${id}:`;
  const niveaux: Record<string, Niveau | null> = {};
  const inconnus: string[] = [];
  for (const [name, value] of Object.entries(data)) {
    if (!name.startsWith(prefix) || typeof value !== 'string') continue;
    const code = name.slice(prefix.length);
    if (value === '') niveaux[code] = null;
    else if ((NIVEAUX as readonly string[]).includes(value)) niveaux[code] = value as Niveau;
    else inconnus.push(code);
  }
  return { niveaux, inconnus };
}

function fieldsOf(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

export const saveGrid = teacherAction<typeof formSchema, [string]>({
  schema: formSchema,
  async run(context, data, rawClasseId): Promise<ActionOutcome> {
    const classeId = normalizeUuid(rawClasseId);
    if (!classeId) notFound();
    const redacteur = redacteurOf(context);
    const saisie = fieldsOf(data);
    const champs: Record<string, string> = {};
    let saved = 0;
    let refused = 0;
    for (const id of rowIds(data, 'source:')) {
      const { niveaux, inconnus } = levelsOfRow(data, id);
      if (inconnus.length > 0) {
        champs[`ligne:${id}`] =
          `Niveau inconnu pour ${inconnus.join(', ')} : rien n’a été enregistré pour cet élève.`;
        refused++;
        continue;
      }
      // An untouched row writes nothing.
      if (levelsKey(niveaux) === text(data, `avant:${id}`)) continue;
      const version = Number.parseInt(text(data, `version:${id}`), 10);
      const result = await saveLevels(
        context,
        redacteur,
        id,
        {
          source: text(data, `source:${id}`),
          version: Number.isFinite(version) ? version : -1,
          niveaux,
        },
        { classeId },
      );
      switch (result.kind) {
        case 'interdit':
          forbidden();
        // falls through (forbidden() throws)
        case 'enregistre':
          saved++;
          saisie[`source:${id}`] = result.source;
          saisie[`version:${id}`] = String(result.version);
          saisie[`avant:${id}`] = levelsKey(niveaux);
          break;
        case 'modifie':
          refused++;
          // Yours stays in the form, now naming their version: saving again replaces it.
          saisie[`source:${id}`] = result.source;
          saisie[`version:${id}`] = String(result.version);
          champs[`ligne:${id}`] = result.message;
          if (result.leur) saisie[`leur:${id}`] = levelsKey(result.leur.niveaux);
          break;
        case 'refus':
          refused++;
          champs[`ligne:${id}`] = result.message;
          break;
        case 'valide':
          break;
      }
    }
    revalidatePath(classSaisiePath(classeId));
    const done =
      saved === 0
        ? 'Aucune ligne modifiée n’était à enregistrer.'
        : `${saved} ${saved === 1 ? 'ligne enregistrée' : 'lignes enregistrées'} ${quand(new Date())}.`;
    return {
      state: {
        status: refused > 0 ? 'erreur' : 'ok',
        message:
          refused > 0
            ? `${done} ${refused} ${refused === 1 ? 'ligne n’a pas été enregistrée' : 'lignes n’ont pas été enregistrées'} : voyez le message sur ${refused === 1 ? 'sa ligne' : 'leur ligne'}.`
            : done,
        champs,
        saisie,
        envoi: Date.now(),
      },
    };
  },
});

export const validateGrid = teacherAction<typeof formSchema, [string]>({
  schema: formSchema,
  async run(context, data, rawClasseId): Promise<ActionOutcome> {
    const classeId = normalizeUuid(rawClasseId);
    if (!classeId) notFound();
    const saisie = fieldsOf(data);
    const chosen = rowIds(data, 'valider:');
    if (chosen.length === 0) {
      return {
        state: {
          status: 'erreur',
          message: 'Choisissez au moins un bilan à valider.',
          saisie,
          envoi: Date.now(),
        },
      };
    }
    if (data.intent === 'annuler') return { state: { status: 'idle', envoi: Date.now() } };
    if (data.intent !== 'confirmer') {
      return {
        state: {
          status: 'ok',
          confirmer: true,
          message: `${chosen.length} ${chosen.length === 1 ? 'bilan sera validé et ne pourra' : 'bilans seront validés et ne pourront'} plus être modifiés.`,
          saisie,
          envoi: Date.now(),
        },
      };
    }
    const redacteur = redacteurOf(context);
    const champs: Record<string, string> = {};
    let validated = 0;
    for (const id of chosen) {
      const [source = '', version = ''] = text(data, `valider:${id}`).split('|');
      const result = await validateDraft(
        context,
        redacteur,
        id,
        { source, version: Number.parseInt(version, 10) },
        { classeId },
      );
      if (result.kind === 'interdit') forbidden();
      if (result.kind === 'valide') validated++;
      else if (result.kind === 'modifie' || result.kind === 'refus') {
        champs[`valider:${id}`] = result.message;
      }
    }
    revalidatePath(classSaisiePath(classeId));
    const refused = Object.keys(champs).length;
    const done = `${validated} ${validated === 1 ? 'bilan validé' : 'bilans validés'}.`;
    return {
      state: {
        status: refused > 0 ? 'erreur' : 'ok',
        message:
          refused > 0
            ? `${done} ${refused} ${refused === 1 ? 'bilan n’a pas été validé' : 'bilans n’ont pas été validés'} : voyez la raison à côté de chaque nom.`
            : done,
        champs,
        envoi: Date.now(),
      },
    };
  },
});
