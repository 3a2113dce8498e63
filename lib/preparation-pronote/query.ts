// « Préparation PRONOTE » (/classes/<classeId>/pronote): what a teacher checks before a
// period closes — for each period PRONOTE still reads (begun, not past its « clôture »: the one
// that just ended while its councils are held, and the current one), the one closing first
// first, every pupil of the class with their bilan of the period (validated: PRONOTE reads it;
// awaiting validation: it will not until validated; none), whether it carries marks, when
// PRONOTE last read it, and the pupil's draft as the team writes it. ONE query, scoped to the
// teacher's establishment. It shows no bilan's content (no constats, levels or marks' values):
// states and dates only.
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { isUuid } from '@/lib/common/ids';
import { todayInParis } from '@/lib/common/dates';
import type { ApprenantOption, ClasseOption } from '@/lib/bilans/classes';
import { stillEnrolled } from '@/lib/bilans/inscriptions';
import { apprenantRow, classeRow } from '@/lib/bilans/rows';
import { compareApprenants } from '@/lib/bilans/tri';

export type EtatPronote = 'valide' | 'en_cours' | 'aucun';

/** The pupil's draft (whatever its date), as its team sees it progress. */
export interface BrouillonSuivi {
  /** Competences positioned, of the class's referential's `competences`. */
  positionnees: number;
  /** Constats or conseils written. */
  texte: boolean;
  /** Who saved it last in the module (null: the write API or an import). */
  modifiePar: string | null;
  modifieLe: string;
  /** The draft's date: the period it will belong to. */
  date: string;
}

export interface LignePronote {
  apprenant: ApprenantOption;
  etat: EtatPronote;
  brouillon: BrouillonSuivi | null;
  /** The bilan of the period PRONOTE reads (the latest validated), else the latest draft. */
  bilan: {
    id: string;
    date: string;
    valideLe: string | null;
    notes: number;
    /** When PRONOTE last read it; null: not yet. */
    luLe: string | null;
  } | null;
}

export interface PeriodePronote {
  libelle: string;
  debut: string;
  fin: string;
  /** The day PRONOTE stops reading it. */
  cloture: string;
  anneeScolaire: string;
  /** Its last day has passed: councils, then the closing day. */
  terminee: boolean;
}

/** One period PRONOTE still reads, and the class's pupils in it. */
export interface SuiviPeriode {
  periode: PeriodePronote;
  lignes: LignePronote[];
  compte: Record<EtatPronote, number> & { sansNote: number };
  /** Pupils whose draft is dated in the period: PRONOTE reads none of them. */
  brouillons: number;
}

export interface PreparationPronoteView {
  etablissementNom: string;
  classe: ClasseOption;
  /** The periods PRONOTE reads today, the one closing first first; none: nothing to prepare. */
  periodes: SuiviPeriode[];
  /** How many competences the class's referential has (« 7/9 positionnées »). */
  competences: number;
  /** The teacher is in the class's team (links to write). */
  equipe: boolean;
}

const row = z.object({
  etablissementNom: z.string(),
  competences: z.coerce.number(),
  equipe: z.boolean(),
  classe: classeRow,
  periodes: z
    .array(
      z.object({
        id: z.string(),
        libelle: z.string(),
        debut: z.string(),
        fin: z.string(),
        cloture: z.string(),
        anneeScolaire: z.string(),
      }),
    )
    .nullable(),
  apprenants: z
    .array(
      apprenantRow.extend({
        bilans: z
          .array(
            z.object({
              periodeId: z.string(),
              bilan: z
                .object({
                  id: z.string(),
                  date: z.string(),
                  valideLe: z.string().nullable(),
                  notes: z.number(),
                  luLe: z.string().nullable(),
                })
                .nullable(),
            }),
          )
          .nullable(),
        brouillon: z
          .object({
            positionnees: z.number(),
            texte: z.boolean(),
            modifiePar: z.string().nullable(),
            modifieLe: z.string(),
            date: z.string(),
          })
          .nullable(),
      }),
    )
    .nullable(),
});

export async function getPreparationPronote(
  db: Database,
  etablissementId: string,
  classeId: string,
  today = todayInParis(),
  /** The teacher reading: whether they are in the class's team. */
  utilisateurId: string | null = null,
): Promise<PreparationPronoteView | null> {
  if (!isUuid(classeId) || !isUuid(etablissementId)) return null;
  const result = await db.execute(sql`
    with ouvertes as (
      select p.id, p.libelle, p.debut, p.fin, p.cloture, p.annee_scolaire from periodes p
       where p.etablissement_id = ${etablissementId}
         and ${today}::date between p.debut and p.cloture)
    select e.nom as "etablissementNom",
           (select count(*) from competences k where k.referentiel_id = c.referentiel_id)
             as competences,
           exists (select 1 from equipes q
                    where q.classe_id = c.id and q.utilisateur_id = ${utilisateurId}) as equipe,
           json_build_object('id', c.id, 'nom', c.nom, 'anneeScolaire', c.annee_scolaire) as classe,
           (select json_agg(json_build_object('id', o.id, 'libelle', o.libelle,
                                     'debut', to_char(o.debut, 'YYYY-MM-DD'),
                                     'fin', to_char(o.fin, 'YYYY-MM-DD'),
                                     'cloture', to_char(o.cloture, 'YYYY-MM-DD'),
                                     'anneeScolaire', o.annee_scolaire)
                            order by o.cloture, o.debut) from ouvertes o) as periodes,
           (select json_agg(json_build_object('id', a.id, 'nom', a.nom, 'prenom', a.prenom,
              'bilans', (select json_agg(json_build_object('periodeId', o.id, 'bilan',
                          (select json_build_object(
                             'id', b.id, 'date', to_char(b.date, 'YYYY-MM-DD'),
                             'valideLe', b.valide_le,
                             'notes', (select count(*) from notes n where n.bilan_id = b.id),
                             'luLe', (select l.derniere_lecture from pronote_bilans_lus l
                                       where l.bilan_id = b.id))
                             from bilans b
                            where b.apprenant_id = a.id and b.date between o.debut and o.fin
                            -- What PRONOTE reads first: a validated bilan, the latest.
                            order by (b.valide_le is not null) desc, b.date desc, b.id desc
                            limit 1)))
                          from ouvertes o),
              -- The pupil's draft, the one « Rédiger un bilan » and the class's grid edit.
              'brouillon', (select json_build_object(
                          'positionnees', (select count(*) from positionnements p
                                            where p.bilan_id = d.id),
                          'texte', (btrim(d.constats) <> '' or btrim(d.conseils) <> ''),
                          'modifiePar', case when u.id is null then null
                                             else u.prenom || ' ' || u.nom end,
                          'modifieLe', coalesce(s.modifie_le, d.cree_le),
                          'date', to_char(d.date, 'YYYY-MM-DD'))
                          from bilans d
                          left join sources_bilans s on s.bilan_id = d.id
                          left join utilisateurs u on u.id = s.modifie_par
                         where d.apprenant_id = a.id and d.valide_le is null
                         order by d.date desc, d.cree_le desc limit 1)))
              from inscriptions i join apprenants a on a.id = i.apprenant_id
             where i.classe_id = c.id and ${stillEnrolled('i')}
               and a.etablissement_id = ${etablissementId}) as apprenants
      from classes c join etablissements e on e.id = c.etablissement_id
     where c.id = ${classeId} and c.etablissement_id = ${etablissementId}`);
  const [raw] = parseRows(result, row);
  if (!raw) return null;
  const pupils = [...(raw.apprenants ?? [])].sort(compareApprenants);
  const periodes = (raw.periodes ?? []).map(({ id, ...periode }): SuiviPeriode => {
    const lignes: LignePronote[] = pupils.map(({ bilans, brouillon, ...apprenant }) => {
      const bilan = bilans?.find((b) => b.periodeId === id)?.bilan ?? null;
      return {
        apprenant,
        brouillon,
        etat: !bilan ? 'aucun' : bilan.valideLe ? 'valide' : 'en_cours',
        bilan,
      };
    });
    const compte = { valide: 0, en_cours: 0, aucun: 0, sansNote: 0 };
    for (const l of lignes) {
      compte[l.etat]++;
      if (l.bilan && l.bilan.notes === 0) compte.sansNote++;
    }
    const brouillons = lignes.filter(
      (l) => l.brouillon && periode.debut <= l.brouillon.date && l.brouillon.date <= periode.fin,
    ).length;
    return { periode: { ...periode, terminee: periode.fin < today }, lignes, compte, brouillons };
  });
  return {
    etablissementNom: raw.etablissementNom,
    classe: raw.classe,
    periodes,
    competences: raw.competences,
    equipe: raw.equipe,
  };
}
