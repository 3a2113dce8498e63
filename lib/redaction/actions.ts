'use server';
// « Rédiger un bilan »'s one form (/bilans/<apprenantId>/rediger), a Server Action through
// teacherAction (session and role checked inside, NUL refused). The button pressed says what
// to do (`intent`): `enregistrer` the draft, `valider` (complete? then saved and a
// confirmation asked), `confirmer` (the draft as shown, validated for good), `reprendre` the
// previous bilan's levels where none is chosen, `ajouter-note` / `retirer-note:<i>` a row of
// marks — the last three write nothing. The team is checked again in the code that writes
// (lib/redaction/enregistrer.ts): outside it, the 403 page; another school's pupil, the 404.
import { forbidden, notFound } from 'next/navigation';
import { z } from 'zod';
import { teacherAction, type ActionOutcome } from '@/lib/actions/validated-action';
import type { ActionState } from '@/lib/actions/state';
import { normalizeUuid } from '@/lib/common/ids';
import { todayInParis } from '@/lib/common/dates';
import { pupilPath } from '@/lib/http/paths';
import { loadRedaction } from './brouillon';
import { quand, saveDraft, validateDraft, type Enregistrement } from './enregistrer';
import { readSaisie, saisieFields, type Saisie } from './saisie';

const EMPTY_NOTE = { libelle: '', valeur: '', coefficient: '1' };

function state(status: ActionState['status'], s: Saisie, extra: Partial<ActionState> = {}) {
  return { state: { status, saisie: saisieFields(s), ...extra } } satisfies ActionOutcome;
}

/** What a write answers the form. */
function answer(result: Enregistrement, saisie: Saisie, apprenantId: string): ActionOutcome {
  switch (result.kind) {
    case 'interdit':
      forbidden();
    // falls through (forbidden() throws)
    case 'refus':
      return state('erreur', saisie, { message: result.message, champs: result.champs });
    case 'modifie':
      // Yours stays in the form, now naming their version: saving again replaces it, knowingly.
      return state(
        'erreur',
        { ...saisie, source: result.source, version: result.version },
        {
          message: result.message,
          ...(result.leur
            ? { autre: { titre: 'La version enregistrée', saisie: saisieFields(result.leur) } }
            : {}),
        },
      );
    case 'valide':
      return { redirect: pupilPath(apprenantId, { bilanId: result.bilanId }) };
    case 'enregistre':
      return state(
        'ok',
        { ...saisie, source: result.source, version: result.version },
        { message: `Brouillon enregistré ${quand(result.le)}.` },
      );
  }
}

export const writeBilan = teacherAction<z.ZodRecord<z.ZodString, z.ZodUnknown>, [string]>({
  schema: z.record(z.string(), z.unknown()),
  async run(context, data, rawApprenantId) {
    const apprenantId = normalizeUuid(rawApprenantId);
    if (!apprenantId) notFound();
    const saisie = readSaisie(data);
    const intent = typeof data.intent === 'string' ? data.intent : 'enregistrer';
    const redacteur = {
      utilisateurId: context.user.id,
      libelle: `${context.user.prenom} ${context.user.nom}`,
    };
    if (intent === 'ajouter-note') {
      return state('idle', { ...saisie, notes: [...saisie.notes, EMPTY_NOTE] });
    }
    if (intent.startsWith('retirer-note:')) {
      const index = Number(intent.slice('retirer-note:'.length));
      return state('idle', { ...saisie, notes: saisie.notes.filter((_, i) => i !== index) });
    }
    if (intent === 'annuler') return state('idle', saisie);
    if (intent === 'reprendre') {
      const redaction = await loadRedaction(
        context.db,
        context.etablissementId,
        context.user.id,
        apprenantId,
        todayInParis(),
      );
      if (redaction === 'introuvable') notFound();
      if (redaction === 'interdit') forbidden();
      const niveaux = { ...(redaction.precedent?.niveaux ?? {}), ...saisie.niveaux };
      return state('idle', { ...saisie, niveaux });
    }
    if (intent === 'confirmer') {
      // What the confirmation showed is what is validated: saved first (unchanged: nothing
      // written), then validated at that version.
      const saved = await saveDraft(context, redacteur, apprenantId, saisie);
      if (saved.kind !== 'enregistre') return answer(saved, saisie, apprenantId);
      const validated = await validateDraft(context, redacteur, apprenantId, {
        source: saved.source,
        version: saved.version,
      });
      return answer(
        validated,
        { ...saisie, source: saved.source, version: saved.version },
        apprenantId,
      );
    }
    const valider = intent === 'valider';
    const result = await saveDraft(context, redacteur, apprenantId, saisie, { valider });
    if (valider && result.kind === 'enregistre') {
      return state(
        'ok',
        { ...saisie, source: result.source, version: result.version },
        {
          confirmer: true,
          message: `Brouillon enregistré ${quand(result.le)} : vérifiez-le, puis confirmez la validation.`,
        },
      );
    }
    return answer(result, saisie, apprenantId);
  },
});
