// « Synthèse de la classe »: every pupil of a class × every competence of the class's
// referential, each cell the pupil's level at their latest bilan (of that referential, by
// the end of the class's school year, and on or before `au` when given), with the change
// since the bilan before; and the class's distribution by competence. ONE query reads it
// all (the two latest bilans of each enrolled pupil through bilans_apprenant_date_idx); the
// rest is shaped here. Scoped to the teacher's establishment: another's class is not found.
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { isUuid } from '@/lib/common/ids';
import type { ApprenantOption, ClasseOption } from '@/lib/bilans/classes';
import type { ReferentielInfo } from '@/lib/bilans/bilan-view';
import { evolution, isNiveau, NIVEAUX, type Evolution, type Niveau } from '@/lib/bilans/niveaux';
import { bilanOrder } from '@/lib/bilans/ordre';
import { schoolYearEnd, stillEnrolled } from '@/lib/bilans/inscriptions';
import { compareApprenants } from '@/lib/bilans/tri';
import { schoolYearOf } from '@/lib/common/dates';
import { apprenantRow } from '@/lib/bilans/rows';
import {
  periodeCourte,
  periodeOf,
  periodesOfYear,
  type PeriodeBornes,
} from '@/lib/common/periodes';

export type SyntheseTri = 'nom' | 'acquis';

export interface SyntheseCompetence {
  id: string;
  code: string;
  libelle: string;
}

export interface SyntheseLigne {
  apprenant: ApprenantOption;
  /**
   * The latest bilan (with its term, « T2 »), or null (« aucun bilan »). `anneePrecedente`: it
   * is of a school year before the class's — shown so, and left out of the class's counts.
   */
  bilan: {
    id: string;
    date: string;
    valide: boolean;
    periode: string | null;
    anneePrecedente: boolean;
  } | null;
  /** One per competence, in the referential's order (null: not positioned). */
  niveaux: (Niveau | null)[];
  /** Since the pupil's previous bilan; `aucune` without one, and whenever NE is involved. */
  evolutions: Evolution[];
  /** Competences at « + » or « ++ » (this school year's bilan only: 0 otherwise). */
  acquises: number;
}

export interface SyntheseRepartition {
  competence: SyntheseCompetence;
  /** Pupils at each level (pupils with a bilan: their sum with `nonRenseignes`). */
  effectifs: Record<Niveau, number>;
  nonRenseignes: number;
  /** Evaluated: positioned at -, -+, + or ++ (NE is no measure). */
  evalues: number;
  /** Share at « + » or « ++ » among the evaluated, 0–1; null when nobody was evaluated. */
  partAcquise: number | null;
  /** Among the competences the class has least acquired (lowest share). */
  moinsAcquise: boolean;
}

export interface SyntheseView {
  etablissementNom: string;
  classe: ClasseOption;
  referentiel: ReferentielInfo;
  au: string | null;
  tri: SyntheseTri;
  competences: SyntheseCompetence[];
  lignes: SyntheseLigne[];
  repartition: SyntheseRepartition[];
  /** Pupils with a bilan counted. */
  avecBilan: number;
  /** The terms of the class's school year, in order: « Au » offers each one's last day. */
  periodes: (PeriodeBornes & { court: string })[];
}

const rawBilan = z.object({
  id: z.string(),
  date: z.string(),
  valide: z.boolean(),
  niveaux: z.record(z.string(), z.string()).nullable(),
});

const rawSynthese = z.object({
  id: z.string(),
  nom: z.string(),
  annee_scolaire: z.string(),
  etablissement_nom: z.string(),
  periodes: z
    .array(z.object({ libelle: z.string(), debut: z.string(), fin: z.string() }))
    .nullable()
    .optional(),
  referentiel: z.object({
    code: z.string(),
    sigle: z.string(),
    libelle: z.string(),
    version: z.string(),
  }),
  competences: z
    .array(z.object({ id: z.string(), code: z.string(), libelle: z.string() }))
    .nullable(),
  apprenants: z
    .array(
      apprenantRow.extend({
        // Latest first: the bilan shown, then the one before it.
        bilans: z.array(rawBilan).nullable(),
      }),
    )
    .nullable(),
});

export type RawSynthese = z.infer<typeof rawSynthese>;

export function parseTri(value: unknown): SyntheseTri {
  return value === 'acquis' ? 'acquis' : 'nom';
}

async function fetchRaw(
  db: Database,
  etablissementId: string,
  classeId: string,
  au: string | null,
): Promise<RawSynthese | null> {
  const until = au ? sql`and b.date <= ${au}::date` : sql``;
  const result = await db.execute(sql`
    select c.id, c.nom, c.annee_scolaire, e.nom as etablissement_nom,
           (select json_agg(json_build_object('libelle', p.libelle,
                                              'debut', to_char(p.debut, 'YYYY-MM-DD'),
                                              'fin', to_char(p.fin, 'YYYY-MM-DD')))
              from periodes p
             where p.etablissement_id = ${etablissementId}
               and p.annee_scolaire = c.annee_scolaire) as periodes,
           json_build_object('code', r.code, 'sigle', r.sigle, 'libelle', r.libelle,
                             'version', r.version) as referentiel,
           (select json_agg(json_build_object('id', k.id, 'code', k.code, 'libelle', k.libelle)
                            order by k.rang)
              from competences k where k.referentiel_id = c.referentiel_id) as competences,
           (select json_agg(json_build_object('id', a.id, 'nom', a.nom, 'prenom', a.prenom,
                     'bilans', (select json_agg(json_build_object(
                                          'id', d.id, 'date', d.date, 'valide', d.valide_le is not null,
                                          'niveaux', (select json_object_agg(p.competence_id, p.niveau)
                                                        from positionnements p where p.bilan_id = d.id)))
                                  from (select b.id, b.date, b.valide_le, b.cree_le
                                          from bilans b
                                         where b.apprenant_id = a.id
                                           and b.referentiel_id = c.referentiel_id
                                           and b.date < ${schoolYearEnd('c')}
                                           ${until}
                                         order by ${bilanOrder('b', 'latest')}
                                         limit 2) d)))
              from inscriptions i join apprenants a on a.id = i.apprenant_id
             where i.classe_id = c.id and ${stillEnrolled('i')} and a.etablissement_id = ${etablissementId}) as apprenants
      from classes c
      join etablissements e on e.id = c.etablissement_id
      join referentiels r on r.id = c.referentiel_id
     where c.id = ${classeId} and c.etablissement_id = ${etablissementId}`);
  return parseRows(result, rawSynthese)[0] ?? null;
}

function niveauOf(niveaux: Record<string, string> | null | undefined, id: string): Niveau | null {
  const value = niveaux?.[id];
  return isNiveau(value) ? value : null;
}

const ACQUIS: ReadonlySet<Niveau> = new Set(['+', '++']);

/** Shapes the query's row (exported for its unit test). */
export function buildSyntheseView(
  raw: RawSynthese,
  au: string | null,
  tri: SyntheseTri,
): SyntheseView {
  const competences = raw.competences ?? [];
  const periodes = periodesOfYear(raw.periodes ?? [], raw.annee_scolaire);
  const lignes: SyntheseLigne[] = (raw.apprenants ?? []).map((a) => {
    const [shown, previous] = a.bilans ?? [];
    const niveaux = competences.map((k) => (shown ? niveauOf(shown.niveaux, k.id) : null));
    // June's levels are not this year's: the bilan is shown, flagged, and not counted.
    const anneePrecedente = shown
      ? schoolYearOf(shown.date.slice(0, 10)) < raw.annee_scolaire
      : false;
    return {
      apprenant: { id: a.id, nom: a.nom, prenom: a.prenom },
      bilan: shown
        ? {
            id: shown.id,
            date: shown.date.slice(0, 10),
            valide: shown.valide,
            periode: periodeOf(shown.date.slice(0, 10), periodes),
            anneePrecedente,
          }
        : null,
      niveaux,
      evolutions: competences.map((k, i) =>
        previous ? evolution(niveauOf(previous.niveaux, k.id), niveaux[i] ?? null) : 'aucune',
      ),
      acquises: anneePrecedente ? 0 : niveaux.filter((n) => n !== null && ACQUIS.has(n)).length,
    };
  });
  lignes.sort((x, y) =>
    tri === 'acquis'
      ? y.acquises - x.acquises || compareApprenants(x.apprenant, y.apprenant)
      : compareApprenants(x.apprenant, y.apprenant),
  );

  // This school year's bilans: what the class's counts are made of.
  const avecBilan = lignes.filter((l) => l.bilan && !l.bilan.anneePrecedente).length;
  const repartition = competences.map((competence, i) => {
    const effectifs = Object.fromEntries(NIVEAUX.map((n) => [n, 0])) as Record<Niveau, number>;
    let nonRenseignes = 0;
    for (const ligne of lignes) {
      if (!ligne.bilan || ligne.bilan.anneePrecedente) continue;
      const niveau = ligne.niveaux[i];
      if (niveau) effectifs[niveau]++;
      else nonRenseignes++;
    }
    const evalues = effectifs['-'] + effectifs['-+'] + effectifs['+'] + effectifs['++'];
    return {
      competence,
      effectifs,
      nonRenseignes,
      evalues,
      partAcquise: evalues > 0 ? (effectifs['+'] + effectifs['++']) / evalues : null,
      moinsAcquise: false,
    };
  });
  const shares = repartition.flatMap((r) => (r.partAcquise === null ? [] : [r.partAcquise]));
  if (shares.length > 1) {
    const lowest = Math.min(...shares);
    // Marked only when it stands out: not when every competence is at the same share.
    if (lowest < Math.max(...shares)) {
      for (const r of repartition) r.moinsAcquise = r.partAcquise === lowest;
    }
  }

  return {
    etablissementNom: raw.etablissement_nom,
    classe: { id: raw.id, nom: raw.nom, anneeScolaire: raw.annee_scolaire },
    referentiel: raw.referentiel,
    au,
    tri,
    competences,
    lignes,
    repartition,
    avecBilan,
    periodes: periodes.map((p) => ({ ...p, court: periodeCourte(p.libelle) })),
  };
}

/**
 * The synthesis of a class for a teacher of `etablissementId`; null (→ 404) for a malformed
 * id or a class of another establishment.
 */
export async function getSynthese(
  db: Database,
  etablissementId: string,
  classeId: string,
  options: { au: string | null; tri: SyntheseTri },
): Promise<SyntheseView | null> {
  if (!isUuid(classeId) || !isUuid(etablissementId)) return null;
  const raw = await fetchRaw(db, etablissementId, classeId, options.au);
  return raw ? buildSyntheseView(raw, options.au, options.tri) : null;
}

/** Each pupil's bilan the synthesis shows (as of its date): what its readers are traced for. */
export function bilansOfSynthese(view: SyntheseView): { apprenantId: string; bilanId: string }[] {
  return view.lignes.flatMap((ligne) =>
    ligne.bilan ? [{ apprenantId: ligne.apprenant.id, bilanId: ligne.bilan.id }] : [],
  );
}
