// « Rédiger un bilan »'s writes: a draft saved, a draft validated. One transaction each, the
// pupil's lock first (one draft per pupil: two teachers never start two), then the team
// checked again in the code that writes, then the same write path as the API
// (lib/alimentation/write.ts's writeLocked, under the source's lock): the draft replaced by a
// new bilan or validated in place, the source's version bumped, the teacher recorded on the
// source and in the trace of writes — all in that transaction. A form names the source and
// version it was filled from; a save over a newer version writes nothing and says who wrote it.
import 'server-only';
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import type { Niveau } from '@/lib/db/enums';
import { apprenantKey, lockKeys, sourceKey } from '@/lib/db/advisory-locks';
import { bilans, sourcesBilans } from '@/lib/db/schema';
import { formatDateTimeFr, todayInParis } from '@/lib/common/dates';
import {
  compareNotes,
  empreinte,
  writeLocked,
  type Mapping,
  type Resolved,
  type WriteResult,
} from '@/lib/alimentation/write';
import type { UseCaseContext } from '@/lib/use-cases/context';
import {
  currentDraft,
  draftInWritableClass,
  referentielOf,
  type BrouillonStocke,
} from './brouillon';
import {
  checkSaisie,
  emptySaisie,
  missingForValidation,
  type CompetenceRef,
  type Saisie,
  type SaisieValide,
} from './saisie';

export interface Redacteur {
  utilisateurId: string;
  /** « Sophie LEFÈVRE »: how the trace and the conflict message name them. */
  libelle: string;
}

export type Enregistrement =
  | { kind: 'enregistre'; source: string; version: number; le: Date }
  | { kind: 'valide'; bilanId: string }
  /** Nothing written: someone wrote meanwhile; their version, if the draft is still there. */
  | { kind: 'modifie'; message: string; leur: Saisie | null; source: string; version: number }
  | { kind: 'refus'; message: string; champs: Record<string, string> }
  | { kind: 'interdit' };

/** « à 14:03 » today, « le 05/12/2026 à 14:03 » another day (Paris time). */
export function quand(le: Date, today = todayInParis()): string {
  const [jour, heure] = formatDateTimeFr(le).split(' à ');
  const [d, m, y] = (jour ?? '').split('/');
  return `${y}-${m}-${d}` === today ? `à ${heure}` : `le ${jour} à ${heure}`;
}

function modifiedBy(draft: BrouillonStocke): string {
  const who = draft.modifiePar ?? 'l’outil de l’établissement (API)';
  return `Ce brouillon a été modifié par ${who} ${quand(draft.modifieLe)}`;
}

/** What a save finds instead of the draft the form was filled from. */
async function conflict(
  tx: Database,
  apprenantId: string,
  etablissementId: string,
  source: string,
) {
  const now = await currentDraft(tx, apprenantId);
  if (now) {
    const started = source === '';
    return {
      kind: 'modifie',
      message: started
        ? `Un brouillon a été commencé par ${now.modifiePar ?? 'l’outil de l’établissement (API)'} ${quand(now.modifieLe)} : rien n’a été enregistré. Le sien est affiché à côté du vôtre ; enregistrez de nouveau pour le remplacer par le vôtre.`
        : `${modifiedBy(now)} : rien n’a été enregistré. Sa version est affichée à côté de la vôtre, toujours dans le formulaire ; enregistrez de nouveau pour la remplacer par la vôtre.`,
      leur: now.saisie,
      source: now.source,
      version: now.version,
    } as const;
  }
  // No draft any more: validated meanwhile, or withdrawn.
  const [mapped] = source
    ? await tx
        .select({ valideLe: bilans.valideLe })
        .from(sourcesBilans)
        .innerJoin(bilans, eq(bilans.id, sourcesBilans.bilanId))
        .where(
          and(eq(sourcesBilans.etablissementId, etablissementId), eq(sourcesBilans.source, source)),
        )
    : [];
  return {
    kind: 'modifie',
    message: mapped?.valideLe
      ? `Ce bilan a été validé ${quand(mapped.valideLe)} : il ne peut plus être modifié, rien n’a été enregistré.`
      : 'Ce brouillon a été retiré entre-temps : rien n’a été enregistré. Enregistrez de nouveau pour commencer un nouveau brouillon avec ce que vous avez saisi.',
    leur: null,
    source: '',
    version: 0,
  } as const;
}

function resolved(
  apprenantId: string,
  referentielId: string,
  auteurId: string | null,
  v: SaisieValide,
  valide: boolean,
): Resolved {
  return {
    apprenantId,
    referentielId,
    date: v.date,
    auteurId,
    constats: v.constats,
    conseils: v.conseils,
    niveaux: v.niveaux,
    notes: [...v.notes].sort(compareNotes),
    valide,
  };
}

/**
 * The draft's source mapping, as the write path needs it: read with the draft (under the
 * source's lock, inDraft), or — for a draft no source names yet (seeded, imported) — created
 * now, at its first save from the module.
 */
async function mappingOf(
  tx: Database,
  etablissementId: string,
  apprenantId: string,
  draft: BrouillonStocke,
): Promise<Mapping> {
  if (!draft.mappe) {
    await tx.insert(sourcesBilans).values({
      etablissementId,
      source: draft.source,
      bilanId: draft.bilanId,
      empreinte: '',
      version: 0,
    });
  }
  return {
    bilanId: draft.bilanId,
    empreinte: draft.mappe ? draft.empreinte : '',
    version: draft.mappe ? draft.version : 0,
    modifieLe: draft.mappe ? draft.modifieLe : new Date(),
    modifiePar: draft.mappe ? draft.modifiePar : null,
    valideLe: null,
    apprenantId,
  };
}

/** Writes under the source's lock inDraft took, from the mapping it read (none: a new draft). */
async function write(
  tx: Database,
  context: UseCaseContext,
  source: string,
  r: Resolved,
  version: number,
  redacteur: Redacteur,
  mapping: Mapping | null,
): Promise<WriteResult> {
  return writeLocked(tx, context.etablissementId, source, r, empreinte(r), {
    version,
    redacteur,
    mapping,
  });
}

type Work = (
  tx: Database,
  draft: {
    competences: CompetenceRef[];
    current: BrouillonStocke | null;
    referentielId: string;
    /** The source a new draft gets (its lock is held). */
    newSource: string;
  },
) => Promise<Enregistrement>;

/**
 * The pupil's lock and the source's the form names (one statement: a save's round trips are
 * its cost when a whole class types at once, bench/saisie.ts), then the team and the draft
 * (one statement), the draft the form names: then `work`, in one transaction.
 */
async function inDraft(
  context: UseCaseContext,
  redacteur: Redacteur,
  apprenantId: string,
  form: { source: string; version: number },
  today: string,
  work: Work,
  /** The class the write comes from (the class's grid): the pupil's current class must be it. */
  classeId?: string,
): Promise<Enregistrement> {
  return context.db.transaction(async (tx) => {
    // Sorted keys: the pupil's before the source's, as every path takes them (one draft per
    // pupil; the API takes sources only). A new draft's source is made here, locked unknown.
    const newSource = `cpro:${crypto.randomUUID()}`;
    await lockKeys(tx, [
      apprenantKey(apprenantId),
      sourceKey(context.etablissementId, form.source || newSource),
    ]);
    const found = await draftInWritableClass(
      tx,
      context.etablissementId,
      redacteur.utilisateurId,
      apprenantId,
      today,
    );
    if (!found || (classeId !== undefined && found.classe.id !== classeId)) {
      return { kind: 'interdit' };
    }
    const current = found.brouillon;
    const same = current
      ? current.source === form.source && current.version === form.version
      : form.source === '';
    if (!same) return conflict(tx, apprenantId, context.etablissementId, form.source);
    const referentielId = current?.referentielId ?? found.classe.referentielId;
    const { competences } = await referentielOf(tx, referentielId);
    return work(tx, { competences, current, referentielId, newSource });
  });
}

async function outcome(
  tx: Database,
  context: UseCaseContext,
  apprenantId: string,
  source: string,
  result: WriteResult,
): Promise<Enregistrement> {
  if (result.kind === 'ok') {
    return result.valide
      ? { kind: 'valide', bilanId: result.id }
      : { kind: 'enregistre', source, version: result.version, le: new Date() };
  }
  if (result.kind === 'erreurs') {
    return {
      kind: 'refus',
      message: `${result.erreurs.map((e) => e.message).join(' ')} Rien n’a été enregistré.`,
      champs: {},
    };
  }
  // Written meanwhile under the source (the write API), or validated.
  return conflict(tx, apprenantId, context.etablissementId, source);
}

/** `saisie` checked, then written as the pupil's draft (`valider`: complete, before confirming). */
async function writeDraft(
  tx: Database,
  context: UseCaseContext,
  redacteur: Redacteur,
  apprenantId: string,
  saisie: Saisie & { inconnus?: string[] },
  draft: Parameters<Work>[1],
  options: { today: string; valider?: boolean },
): Promise<Enregistrement> {
  const { competences, current, referentielId, newSource } = draft;
  const checked = checkSaisie(saisie, competences, options.today);
  if (!checked.ok) return { kind: 'refus', message: checked.message, champs: checked.champs };
  if (options.valider) {
    const missing = missingForValidation(saisie, competences);
    if (missing) return { kind: 'refus', ...missing };
  }
  const mapping = current && (await mappingOf(tx, context.etablissementId, apprenantId, current));
  const source = current?.source ?? newSource;
  const r = resolved(apprenantId, referentielId, redacteur.utilisateurId, checked.value, false);
  const result = await write(tx, context, source, r, saisie.version, redacteur, mapping);
  return outcome(tx, context, apprenantId, source, result);
}

/** Saves what the form holds as the pupil's draft (`valider`: complete, before confirming). */
export async function saveDraft(
  context: UseCaseContext,
  redacteur: Redacteur,
  apprenantId: string,
  saisie: Saisie & { inconnus?: string[] },
  options: { today?: string; valider?: boolean } = {},
): Promise<Enregistrement> {
  const today = options.today ?? todayInParis();
  return inDraft(context, redacteur, apprenantId, saisie, today, async (tx, draft) =>
    writeDraft(tx, context, redacteur, apprenantId, saisie, draft, {
      today,
      valider: options.valider,
    }),
  );
}

/** A row of « Saisie de la classe »: levels by competence code, null clearing one. */
export interface LevelsForm {
  source: string;
  version: number;
  niveaux: Record<string, Niveau | null>;
}

/**
 * Saves a row of the class's grid: the levels it names set (or cleared) in the pupil's draft,
 * the rest of the draft (date, constats, conseils, marks) as stored — or a new draft dated
 * today. The same path as the pupil's form (saveDraft): the pupil's lock, the team, the
 * version the row was read at, the source's lock, the trace.
 */
export async function saveLevels(
  context: UseCaseContext,
  redacteur: Redacteur,
  apprenantId: string,
  form: LevelsForm,
  options: { today?: string; classeId?: string } = {},
): Promise<Enregistrement> {
  const today = options.today ?? todayInParis();
  return inDraft(
    context,
    redacteur,
    apprenantId,
    form,
    today,
    async (tx, draft) => {
      const { current } = draft;
      const base: Saisie = current?.saisie ?? emptySaisie(today);
      const niveaux: Record<string, Niveau> = { ...base.niveaux };
      for (const [code, niveau] of Object.entries(form.niveaux)) {
        if (niveau === null) delete niveaux[code];
        else niveaux[code] = niveau;
      }
      // A row cleared before it was ever saved: no empty draft started.
      if (!current && Object.keys(niveaux).length === 0) {
        return { kind: 'enregistre', source: '', version: 0, le: new Date() };
      }
      const saisie = { ...base, source: form.source, version: form.version, niveaux };
      return writeDraft(tx, context, redacteur, apprenantId, saisie, draft, { today });
    },
    options.classeId,
  );
}

/**
 * Validates the pupil's draft as stored at `version` (the one the confirmation showed):
 * complete, dated in the school year; then exactly as the API validates one — for good.
 */
export async function validateDraft(
  context: UseCaseContext,
  redacteur: Redacteur,
  apprenantId: string,
  form: { source: string; version: number },
  options: { today?: string; classeId?: string } = {},
): Promise<Enregistrement> {
  const today = options.today ?? todayInParis();
  return inDraft(
    context,
    redacteur,
    apprenantId,
    form,
    today,
    async (tx, { competences, current }) => {
      if (!current) return conflict(tx, apprenantId, context.etablissementId, form.source);
      const checked = checkSaisie(current.saisie, competences, today);
      if (!checked.ok) return { kind: 'refus', message: checked.message, champs: checked.champs };
      const missing = missingForValidation(current.saisie, competences);
      if (missing) return { kind: 'refus', ...missing };
      const mapping = await mappingOf(tx, context.etablissementId, apprenantId, current);
      const r = resolved(apprenantId, current.referentielId, current.auteurId, checked.value, true);
      const result = await write(tx, context, current.source, r, form.version, redacteur, mapping);
      return outcome(tx, context, apprenantId, current.source, result);
    },
    options.classeId,
  );
}
