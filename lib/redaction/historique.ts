// Who wrote a bilan, from the one history of writes (ecritures_alimentation: the module's
// forms and the write API alike): the writers of its source in order, and the one whose
// write validated it. « Rédigé par Sophie LEFÈVRE, Julien LAMBERT · validé par Julien LAMBERT
// le 06/12/2026 à 14:05 ». A bilan no source names (seeded, older imports) falls back on its
// recorded author.
import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { bilans, ecrituresAlimentation, sourcesBilans, utilisateurs } from '@/lib/db/schema';
import { formatDateTimeFr } from '@/lib/common/dates';

const API = 'l’outil de l’établissement (API)';

export interface Historique {
  redacteurs: string[];
  validePar: string | null;
}

export async function historiqueOf(
  db: Database,
  etablissementId: string,
  bilanId: string,
): Promise<Historique> {
  const [bilan] = await db
    .select({
      source: sourcesBilans.source,
      valideLe: bilans.valideLe,
      auteur: utilisateurs.prenom,
      auteurNom: utilisateurs.nom,
    })
    .from(bilans)
    .leftJoin(
      sourcesBilans,
      and(eq(sourcesBilans.bilanId, bilans.id), eq(sourcesBilans.etablissementId, etablissementId)),
    )
    .leftJoin(utilisateurs, eq(utilisateurs.id, bilans.auteurId))
    .where(eq(bilans.id, bilanId));
  if (!bilan) return { redacteurs: [], validePar: null };
  const fallback = bilan.auteur ? [`${bilan.auteur} ${bilan.auteurNom}`] : [];
  if (!bilan.source) return { redacteurs: fallback, validePar: null };
  const writes = await db
    .select({
      statut: ecrituresAlimentation.statut,
      prenom: utilisateurs.prenom,
      nom: utilisateurs.nom,
      jetonId: ecrituresAlimentation.jetonId,
      auteur: ecrituresAlimentation.auteur,
    })
    .from(ecrituresAlimentation)
    .leftJoin(utilisateurs, eq(utilisateurs.id, ecrituresAlimentation.utilisateurId))
    .where(
      and(
        eq(ecrituresAlimentation.etablissementId, etablissementId),
        eq(ecrituresAlimentation.source, bilan.source),
        inArray(ecrituresAlimentation.statut, ['cree', 'remplace', 'valide', 'retire']),
      ),
    )
    .orderBy(asc(ecrituresAlimentation.creeLe), asc(ecrituresAlimentation.id));
  // A source withdrawn and written again starts a new bilan: its history starts there.
  const start = writes.map((w) => w.statut).lastIndexOf('retire') + 1;
  const names = writes.slice(start).map((w) => (w.prenom ? `${w.prenom} ${w.nom}` : API));
  if (names.length === 0) return { redacteurs: fallback, validePar: null };
  const redacteurs = [...new Set(names)];
  return { redacteurs, validePar: bilan.valideLe ? names[names.length - 1]! : null };
}

/** The line the bilan page shows, or null when nothing is known. */
export function historiqueLine(h: Historique, valideLe: string | Date | null): string | null {
  if (h.redacteurs.length === 0) return null;
  const redige = `Rédigé par ${h.redacteurs.join(', ')}`;
  if (!h.validePar || !valideLe) return redige;
  return `${redige} · validé par ${h.validePar} le ${formatDateTimeFr(valideLe)}`;
}
