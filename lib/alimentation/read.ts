// A bilan written under `source`, as the API gives it back (GET): the very shape a sender
// writes, so that a school's tool can reconcile what it sent with what is stored (sending it
// again changes nothing), plus its id, its page and when it was validated.
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import {
  apprenants,
  bilans,
  competences,
  notes,
  positionnements,
  referentiels,
  sourcesBilans,
  utilisateurs,
} from '@/lib/db/schema';
import type { BilanEnvoye } from './schema';
import { bilanUrl, compareNotes, lockSources, mappedBilan, type Modification } from './write';
import { withdrawDraft } from './retrait';

export async function readBilan(
  db: Database,
  etablissementId: string,
  source: string,
): Promise<(BilanEnvoye & { version: number }) | null> {
  const [row] = await db
    .select({
      id: bilans.id,
      apprenantId: apprenants.id,
      ine: apprenants.ine,
      code: referentiels.code,
      version: referentiels.version,
      date: bilans.date,
      auteur: utilisateurs.email,
      constats: bilans.constats,
      conseils: bilans.conseils,
      valideLe: bilans.valideLe,
      versionSource: sourcesBilans.version,
    })
    .from(sourcesBilans)
    .innerJoin(bilans, eq(bilans.id, sourcesBilans.bilanId))
    .innerJoin(apprenants, eq(apprenants.id, bilans.apprenantId))
    .innerJoin(referentiels, eq(referentiels.id, bilans.referentielId))
    .leftJoin(utilisateurs, eq(utilisateurs.id, bilans.auteurId))
    .where(
      and(eq(sourcesBilans.etablissementId, etablissementId), eq(sourcesBilans.source, source)),
    );
  if (!row) return null;
  const niveaux = await db
    .select({ code: competences.code, niveau: positionnements.niveau })
    .from(positionnements)
    .innerJoin(competences, eq(competences.id, positionnements.competenceId))
    .where(eq(positionnements.bilanId, row.id))
    .orderBy(competences.rang);
  const marks = await db
    .select({ libelle: notes.libelle, valeur: notes.valeur, coefficient: notes.coefficient })
    .from(notes)
    .where(eq(notes.bilanId, row.id));
  return {
    apprenant: row.ine ? { ine: row.ine } : { id: row.apprenantId },
    referentiel: { code: row.code, version: row.version },
    date: row.date,
    ...(row.auteur ? { auteur: row.auteur } : {}),
    constats: row.constats,
    conseils: row.conseils,
    positionnements: Object.fromEntries(niveaux.map((n) => [n.code, n.niveau])),
    notes: marks.sort(compareNotes).map((n) => ({
      libelle: n.libelle,
      valeur: Number(n.valeur),
      coefficient: Number(n.coefficient),
    })),
    valide: row.valideLe !== null,
    id: row.id,
    url: bilanUrl(row.apprenantId, row.id),
    valideLe: row.valideLe ? row.valideLe.toISOString() : null,
    // The source's version (also the answer's ETag): what If-Match names.
    version: row.versionSource,
  };
}

export type WithdrawResult = 'retire' | 'introuvable' | 'valide' | 'modifie';

/**
 * Withdraws the draft written under `source` (DELETE), under the source's lock as every write
 * of a source; a validated bilan stays.
 */
export async function withdrawBilan(
  db: Database,
  etablissementId: string,
  source: string,
  /** The version the sender read (If-Match); without it, a teacher's version is not withdrawn. */
  version?: number,
): Promise<{ result: WithdrawResult; bilanId: string | null; modification?: Modification }> {
  return db.transaction(async (tx) => {
    await lockSources(tx, etablissementId, [source]);
    const mapping = await mappedBilan(tx, etablissementId, source);
    if (!mapping) return { result: 'introuvable', bilanId: null };
    if (mapping.valideLe) return { result: 'valide', bilanId: mapping.bilanId };
    if (version === undefined ? mapping.modifiePar !== null : version !== mapping.version) {
      return {
        result: 'modifie',
        bilanId: mapping.bilanId,
        modification: { version: mapping.version, par: mapping.modifiePar, le: mapping.modifieLe },
      };
    }
    await withdrawDraft(tx, etablissementId, source, mapping.bilanId);
    return { result: 'retire', bilanId: mapping.bilanId };
  });
}
