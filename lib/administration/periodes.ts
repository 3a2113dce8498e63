// The establishment's periods (trimesters or semesters): label, first and last day, inside
// one school year (1 September – 31 August), never overlapping — the PRONOTE export and the
// documents pick « the » period of a date. Checked here with French messages; the database
// checks the same rules again (trigger periodes_sans_chevauchement) for any other writer.
import 'server-only';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { periodes, pronoteLectures } from '@/lib/db/schema';
import { formatDateFr, parseIsoDate, schoolYearOf } from '@/lib/common/dates';
import { isUuid } from '@/lib/common/ids';
import { defaultCloture, periodeContenant, periodeOuverte } from '@/lib/common/periodes';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { Refus } from '@/lib/common/refus';
import { administer } from './journal';

export interface Periode {
  id: string;
  anneeScolaire: string;
  libelle: string;
  debut: string;
  fin: string;
  /** The day PRONOTE stops reading its validated bilans. */
  cloture: string;
}

export interface PeriodeSaisie {
  libelle: string;
  debut: string;
  fin: string;
  cloture: string;
}

const MAX_LIBELLE = 40;

export async function listPeriodes(db: Database, etablissementId: string): Promise<Periode[]> {
  return db
    .select({
      id: periodes.id,
      anneeScolaire: periodes.anneeScolaire,
      libelle: periodes.libelle,
      debut: periodes.debut,
      fin: periodes.fin,
      cloture: periodes.cloture,
    })
    .from(periodes)
    .where(eq(periodes.etablissementId, etablissementId))
    .orderBy(asc(periodes.debut));
}

/** The period containing `today`, if any. */
export function periodeCourante(list: Periode[], today: string): Periode | null {
  return periodeContenant(list, today);
}

/** The periods PRONOTE reads on `today` (begun, not closed), the one closing first first. */
export function periodesOuvertes(list: Periode[], today: string): Periode[] {
  return list
    .filter((p) => periodeOuverte(p, today))
    .sort((a, b) => a.cloture.localeCompare(b.cloture) || a.debut.localeCompare(b.debut));
}

/** A posted period, checked: its label, its dates, its school year. */
export function checkSaisie(raw: {
  libelle: string | null;
  debut: string | null;
  fin: string | null;
  /** Empty: three weeks after the last day. */
  cloture?: string | null;
}): PeriodeSaisie & { anneeScolaire: string } {
  const libelle = (raw.libelle ?? '').replace(/\s+/g, ' ').trim();
  if (!libelle || libelle.length > MAX_LIBELLE) {
    throw new Refus(
      `Le libellé de la période est obligatoire (${MAX_LIBELLE} caractères au plus).`,
      'libelle',
    );
  }
  const debut = parseIsoDate(raw.debut);
  const fin = parseIsoDate(raw.fin);
  if (!debut) throw new Refus('Le premier jour doit être une date valide.', 'debut');
  if (!fin) throw new Refus('Le dernier jour doit être une date valide.', 'fin');
  if (debut > fin) {
    throw new Refus(
      `La période commence le ${formatDateFr(debut)}, après sa fin le ${formatDateFr(fin)}.`,
      'fin',
    );
  }
  const anneeScolaire = schoolYearOf(debut);
  if (schoolYearOf(fin) !== anneeScolaire) {
    throw new Refus(
      `Une période tient dans une année scolaire : du ${formatDateFr(debut)} au ${formatDateFr(fin)}, elle déborde de ${anneeScolaire} (1er septembre – 31 août).`,
      'fin',
    );
  }
  const cloture = raw.cloture?.trim() ? parseIsoDate(raw.cloture) : defaultCloture(fin);
  if (!cloture) throw new Refus('La clôture PRONOTE doit être une date valide.', 'cloture');
  if (cloture < fin) {
    throw new Refus(
      `La clôture PRONOTE ne peut pas précéder le dernier jour de la période (${formatDateFr(fin)}) : PRONOTE lit les bilans jusqu’à cette date.`,
      'cloture',
    );
  }
  if (cloture > `${Number(fin.slice(0, 4)) + 1}${fin.slice(4)}`) {
    throw new Refus(
      'La clôture PRONOTE doit être dans l’année qui suit le dernier jour de la période.',
      'cloture',
    );
  }
  return { libelle, debut, fin, cloture, anneeScolaire };
}

async function refuseOverlap(
  db: Database,
  etablissementId: string,
  saisie: PeriodeSaisie,
  except: string | null,
): Promise<void> {
  const others = await db
    .select({ libelle: periodes.libelle, debut: periodes.debut, fin: periodes.fin })
    .from(periodes)
    .where(
      and(
        eq(periodes.etablissementId, etablissementId),
        except ? ne(periodes.id, except) : undefined,
      ),
    );
  const overlap = others.find((p) => p.debut <= saisie.fin && saisie.debut <= p.fin);
  if (overlap) {
    throw new Refus(
      `Cette période chevauche « ${overlap.libelle} » (du ${formatDateFr(overlap.debut)} au ${formatDateFr(overlap.fin)}).`,
      'debut',
    );
  }
}

type SaisieBrute = {
  libelle: string | null;
  debut: string | null;
  fin: string | null;
  cloture?: string | null;
};

export async function createPeriode(context: UseCaseContext, raw: SaisieBrute): Promise<void> {
  const saisie = checkSaisie(raw);
  await administer(context, 'periode_creee', async ({ db, etablissementId }) => {
    await refuseOverlap(db, etablissementId, saisie, null);
    await db.insert(periodes).values({ etablissementId, ...saisie });
    return {
      result: true,
      details: {
        libelle: saisie.libelle,
        debut: saisie.debut,
        fin: saisie.fin,
        cloture: saisie.cloture,
      },
    };
  });
}

/** False when the establishment has no such period. */
export async function updatePeriode(
  context: UseCaseContext,
  periodeId: string,
  raw: SaisieBrute,
): Promise<boolean> {
  if (!isUuid(periodeId)) return false;
  const saisie = checkSaisie(raw);
  const done = await administer(context, 'periode_modifiee', async ({ db, etablissementId }) => {
    const [current] = await db
      .select({ anneeScolaire: periodes.anneeScolaire })
      .from(periodes)
      .where(and(eq(periodes.id, periodeId), eq(periodes.etablissementId, etablissementId)));
    if (!current) return null;
    if (current.anneeScolaire !== saisie.anneeScolaire) {
      throw new Refus(
        `Cette période est de l’année ${current.anneeScolaire} : ses dates restent dans cette année.`,
        'debut',
      );
    }
    await refuseOverlap(db, etablissementId, saisie, periodeId);
    await db
      .update(periodes)
      .set({
        libelle: saisie.libelle,
        debut: saisie.debut,
        fin: saisie.fin,
        cloture: saisie.cloture,
      })
      .where(eq(periodes.id, periodeId));
    return {
      result: true,
      details: {
        libelle: saisie.libelle,
        debut: saisie.debut,
        fin: saisie.fin,
        cloture: saisie.cloture,
      },
    };
  });
  return done === true;
}

/** Removes a period PRONOTE never read (its reads refer to it); false when there is none. */
export async function deletePeriode(context: UseCaseContext, periodeId: string): Promise<boolean> {
  if (!isUuid(periodeId)) return false;
  const done = await administer(context, 'periode_supprimee', async ({ db, etablissementId }) => {
    const [current] = await db
      .select({ libelle: periodes.libelle, anneeScolaire: periodes.anneeScolaire })
      .from(periodes)
      .where(and(eq(periodes.id, periodeId), eq(periodes.etablissementId, etablissementId)));
    if (!current) return null;
    const [lu] = await db
      .select({ id: pronoteLectures.id })
      .from(pronoteLectures)
      .where(eq(pronoteLectures.periodeId, periodeId))
      .limit(1);
    if (lu) {
      throw new Refus(
        `PRONOTE a déjà lu les bilans de « ${current.libelle} » : la période est gardée (ses dates peuvent être corrigées).`,
      );
    }
    await db.delete(periodes).where(eq(periodes.id, periodeId));
    return { result: true, details: { libelle: current.libelle, annee: current.anneeScolaire } };
  });
  return done === true;
}
